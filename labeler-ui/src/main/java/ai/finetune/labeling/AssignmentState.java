package ai.finetune.labeling;

/** See {@link Assignment}: LEASED until submitted or until the lease runs out (then EXPIRED). */
public enum AssignmentState {
    LEASED,
    SUBMITTED,
    EXPIRED
}
