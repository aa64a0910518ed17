package ai.finetune.labeling.screening;

/** The three parts of InstructGPT's screening test. */
public enum GoldKind {
    /** Is this text sensitive? Scored by agreement with the gold answer. */
    FLAGGING,
    /** Order these outputs. Scored by pairwise agreement with the gold ranking. */
    RANKING,
    /** Write the ideal response to a sensitive prompt. Scored 1-7 by an admin. */
    DEMONSTRATION
}
