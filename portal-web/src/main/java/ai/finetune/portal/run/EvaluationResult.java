package ai.finetune.portal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One evaluation of one model, stored by an evaluation run when it completes (sql/V21). {@code summaryJson} has the
 * shape docs/evaluation-results.md gives for its kind; dashboards read this table.
 */
@Entity
@Table(name = "evaluation_result")
public class EvaluationResult {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "model_id")
    private Long modelId;
    @Column(name = "run_id")
    private Long runId;
    /** HUMANEVAL, TRUTHFULQA or BBQ. */
    private String kind;
    @Column(name = "summary_json")
    private String summaryJson;
    /** Set here, not only by the column default: EclipseLink's cache would otherwise keep a null after persist. */
    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;

    protected EvaluationResult() {
    }

    public EvaluationResult(long modelId, Long runId, String kind, String summaryJson) {
        this.modelId = modelId;
        this.runId = runId;
        this.kind = kind;
        this.summaryJson = summaryJson;
        this.createdAt = LocalDateTime.now().withNano(0);
    }

    public Long getId() { return id; }
    public Long getModelId() { return modelId; }
    public Long getRunId() { return runId; }
    public String getKind() { return kind; }
    public String getSummaryJson() { return summaryJson; }
    public LocalDateTime getCreatedAt() { return createdAt; }
}
