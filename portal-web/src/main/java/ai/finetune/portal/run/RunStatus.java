package ai.finetune.portal.run;

/** Life cycle of a {@link TrainingRun}; see its class doc. */
public enum RunStatus {
    QUEUED, RUNNING, STOPPED, FAILED, COMPLETED;

    /** A run in one of these states can be restarted (it continues from its last checkpoint, if any). */
    public boolean restartable() {
        return this == STOPPED || this == FAILED;
    }

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
