package ai.finetune.labeling;

/** A labeler starts as APPLICANT; the screening test (or an admin) makes them ACTIVE or REJECTED. */
public enum LabelerStatus {
    APPLICANT,
    ACTIVE,
    REJECTED
}
