package ai.finetune.labeling.screening;

import ai.finetune.labeling.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One saved version of the labeling guidelines; the newest is the one labelers read. Never changed once saved. */
@Entity
@Table(name = "labeling_guideline")
public class Guideline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "edited_by", nullable = false)
    private String editedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "edited_at", nullable = false)
    private Instant editedAt;

    protected Guideline() {
    }

    Guideline(String body, String editedBy, Instant editedAt) {
        this.body = body;
        this.editedBy = editedBy;
        this.editedAt = editedAt;
    }

    public Long getId() { return id; }
    public String getBody() { return body; }
    public String getEditedBy() { return editedBy; }
    public Instant getEditedAt() { return editedAt; }
}
