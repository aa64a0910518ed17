package ai.finetune.labeling.screening;

/** PENDING while the demonstration waits for an admin's score; then PASSED (labeler ACTIVE) or FAILED (REJECTED). */
public enum ScreeningOutcome {
    PENDING,
    PASSED,
    FAILED
}
