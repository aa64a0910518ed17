package ai.finetune.portal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of a run's metrics.jsonl (one optimizer step), kept verbatim as JSON. */
@Entity
@Table(name = "run_metric")
public class RunMetric {
    /** The column's size (sql/V22): PPO rows carry sample completions. */
    static final int MAX_ROW = 100_000;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "run_id")
    private long runId;
    private int step;
    @Column(name = "row_json")
    private String rowJson;

    protected RunMetric() {
    }

    public RunMetric(long runId, int step, String rowJson) {
        this.runId = runId;
        this.step = step;
        this.rowJson = rowJson;
    }

    public int getStep() { return step; }
    public String getRowJson() { return rowJson; }
}
