package ai.finetune.labeling.prompts;

/** InstructGPT's three kinds of labeler-written prompts. */
public enum PromptKind {
    /** Any task, for diversity. */
    PLAIN,
    /** An instruction and several query/response pairs for it. */
    FEW_SHOT,
    /** Written for a use case from the admins' list. */
    USER_BASED
}
