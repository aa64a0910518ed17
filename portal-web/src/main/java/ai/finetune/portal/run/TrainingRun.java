package ai.finetune.portal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One training or evaluation run. A run is QUEUED (waiting for its device), then RUNNING (a worker JVM trains it),
 * and ends COMPLETED, FAILED or STOPPED; a STOPPED or FAILED run can be restarted, goes back to QUEUED, and
 * continues from its last checkpoint. Its parameters (CLI option names and values, the parent model and the
 * dataset) are stored so that the run can be reproduced; progress columns are written while it runs.
 */
@Entity
@Table(name = "training_run")
public class TrainingRun {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private RunKind kind;
    @Enumerated(EnumType.STRING)
    private RunStatus status;
    private String device;
    /** JSON object: option name -> value, spelled as model-runtime's CLI spells them. */
    private String params;
    @Column(name = "parent_model_id")
    private Long parentModelId;
    @Column(name = "dataset_id")
    private Long datasetId;
    @Column(name = "out_dir")
    private String outDir;
    @Column(name = "job_execution_id")
    private Long jobExecutionId;
    @Column(name = "worker_pid")
    private Long workerPid;
    private int step;
    @Column(name = "total_steps")
    private int totalSteps;
    @Column(name = "resumed_from")
    private Integer resumedFrom;
    private Double loss;
    @Column(name = "val_loss")
    private Double valLoss;
    @Column(name = "tokens_per_s")
    private Double tokensPerSecond;
    @Column(name = "stop_requested")
    private boolean stopRequested;
    private String message;
    @Column(name = "log_tail")
    private String logTail;
    @Column(name = "result_model_id")
    private Long resultModelId;
    /** ppo: the reward model that scores the policy's samples (V21). */
    @Column(name = "reward_model_id")
    private Long rewardModelId;
    @Column(name = "created_at", insertable = false, updatable = false)
    private LocalDateTime createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "queued_at")
    private LocalDateTime queuedAt;
    @Column(name = "started_at")
    private LocalDateTime startedAt;
    @Column(name = "progress_at")
    private LocalDateTime progressAt;
    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    protected TrainingRun() {
    }

    public TrainingRun(RunKind kind, String device, String params, Long parentModelId, Long datasetId, int totalSteps,
                       String createdBy) {
        this.kind = kind;
        this.device = device;
        this.params = params;
        this.parentModelId = parentModelId;
        this.datasetId = datasetId;
        this.totalSteps = totalSteps;
        this.createdBy = createdBy;
        this.status = RunStatus.QUEUED;
        this.queuedAt = LocalDateTime.now();
    }

    // --- life cycle -------------------------------------------------------------------------------------------

    void dispatched() {
        status = RunStatus.RUNNING;
        stopRequested = false;
        message = null;
        startedAt = LocalDateTime.now();
        progressAt = null;
        finishedAt = null;
    }

    void workerStarted(long executionId, long pid, int fromStep) {
        jobExecutionId = executionId;
        workerPid = pid;
        resumedFrom = fromStep;
        step = fromStep;
    }

    void progressed(int step, Double loss, Double valLoss, Double tokensPerSecond) {
        this.step = step;
        this.loss = loss;
        if (valLoss != null) {
            this.valLoss = valLoss;
        }
        this.tokensPerSecond = tokensPerSecond;
        this.progressAt = LocalDateTime.now();
    }

    void ended(RunStatus end, String message) {
        status = end;
        this.message = message;
        workerPid = null;
        finishedAt = LocalDateTime.now();
    }

    void requeued() {
        status = RunStatus.QUEUED;
        queuedAt = LocalDateTime.now();
        message = null;
        stopRequested = false;
    }

    void requestStop() {
        stopRequested = true;
    }

    void appendLog(String lines, int max) {
        String all = logTail == null ? lines : logTail + lines;
        logTail = all.length() > max ? all.substring(all.length() - max) : all;
    }

    // --- derived progress -------------------------------------------------------------------------------------

    /** Percent of total steps done, 0-100. */
    public int getPercent() {
        return totalSteps <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * step / totalSteps));
    }

    /** Optimizer steps per second since this attempt started (resumed steps excluded). */
    public Double getStepsPerSecond() {
        if (startedAt == null || progressAt == null) {
            return null;
        }
        int done = step - (resumedFrom == null ? 0 : resumedFrom);
        double secs = Duration.between(startedAt, progressAt).toMillis() / 1000.0;
        return done <= 0 || secs <= 0 ? null : done / secs;
    }

    /** Seconds left at the current rate, or null when unknown. */
    public Long getEtaSeconds() {
        Double rate = getStepsPerSecond();
        return rate == null || status != RunStatus.RUNNING ? null : Math.round((totalSteps - step) / rate);
    }

    // --- accessors --------------------------------------------------------------------------------------------

    public Long getId() { return id; }
    public RunKind getKind() { return kind; }
    public RunStatus getStatus() { return status; }
    public String getDevice() { return device; }
    public String getParams() { return params; }
    public Long getParentModelId() { return parentModelId; }
    public Long getDatasetId() { return datasetId; }
    public String getOutDir() { return outDir; }
    void setOutDir(String outDir) { this.outDir = outDir; }
    public Long getJobExecutionId() { return jobExecutionId; }
    void setJobExecutionId(Long id) { this.jobExecutionId = id; }
    public Long getWorkerPid() { return workerPid; }
    public int getStep() { return step; }
    public int getTotalSteps() { return totalSteps; }
    void setTotalSteps(int totalSteps) { this.totalSteps = totalSteps; }
    public Integer getResumedFrom() { return resumedFrom; }
    public Double getLoss() { return loss; }
    public Double getValLoss() { return valLoss; }
    public Double getTokensPerSecond() { return tokensPerSecond; }
    public boolean isStopRequested() { return stopRequested; }
    public String getMessage() { return message; }
    public String getLogTail() { return logTail; }
    public Long getResultModelId() { return resultModelId; }
    void setResultModelId(Long id) { this.resultModelId = id; }
    public Long getRewardModelId() { return rewardModelId; }
    void setRewardModelId(Long id) { this.rewardModelId = id; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getQueuedAt() { return queuedAt; }
    public LocalDateTime getStartedAt() { return startedAt; }
    public LocalDateTime getFinishedAt() { return finishedAt; }
    public boolean isRestartable() { return status.restartable(); }
    public boolean isStoppable() { return status.active() && !stopRequested; }
}
