package ai.finetune.portal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A checkpoint folder (config.json, model.safetensors, tokenizer.json) the portal can train from or evaluate:
 * the shipped base model or the result of a run. {@code parentId} gives the lineage (base -> SFT -> RM -> PPO).
 */
@Entity
@Table(name = "model_artifact")
public class ModelArtifact {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ModelKind kind;
    private String path;
    @Column(name = "parent_id")
    private Long parentId;
    @Column(name = "run_id")
    private Long runId;
    @Column(name = "created_at", insertable = false, updatable = false)
    private LocalDateTime createdAt;

    protected ModelArtifact() {
    }

    public ModelArtifact(String name, ModelKind kind, String path, Long parentId, Long runId) {
        this.name = name;
        this.kind = kind;
        this.path = path;
        this.parentId = parentId;
        this.runId = runId;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public ModelKind getKind() { return kind; }
    public String getPath() { return path; }
    public Long getParentId() { return parentId; }
    public Long getRunId() { return runId; }
    public LocalDateTime getCreatedAt() { return createdAt; }
}
