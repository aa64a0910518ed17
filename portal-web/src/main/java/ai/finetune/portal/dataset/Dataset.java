package ai.finetune.portal.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A validated upload, stored as normalised JSONL under the data dir; re-uploading a name adds a version. */
@Entity
@Table(name = "dataset")
public class Dataset {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private int version;
    @Enumerated(EnumType.STRING)
    private DatasetKind kind;
    private long records;
    private long bytes;
    private String path;
    // set here rather than left to the column default: the entity cached after persist must show it too
    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;
    @Column(name = "created_by")
    private String createdBy;

    protected Dataset() {
    }

    public Dataset(String name, int version, DatasetKind kind, long records, long bytes, String path, String createdBy) {
        this.name = name;
        this.version = version;
        this.kind = kind;
        this.records = records;
        this.bytes = bytes;
        this.path = path;
        this.createdBy = createdBy;
        this.createdAt = LocalDateTime.now().withNano(0);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public int getVersion() { return version; }
    public DatasetKind getKind() { return kind; }
    public long getRecords() { return records; }
    public long getBytes() { return bytes; }
    public String getPath() { return path; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public String getLabel() { return name + " v" + version + " (" + records + " records)"; }
}
