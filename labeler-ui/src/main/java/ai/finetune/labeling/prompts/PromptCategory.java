package ai.finetune.labeling.prompts;

/** InstructGPT's use-case categories, with their share of its API prompt dataset (Ouyang et al. 2022, Table 1). */
public enum PromptCategory {
    GENERATION("Generation", 45.6),
    OPEN_QA("Open QA", 12.4),
    BRAINSTORMING("Brainstorming", 11.2),
    CHAT("Chat", 8.4),
    REWRITE("Rewrite", 6.6),
    SUMMARIZATION("Summarization", 4.2),
    CLASSIFICATION("Classification", 3.5),
    OTHER("Other", 3.5),
    CLOSED_QA("Closed QA", 2.6),
    EXTRACT("Extract", 1.9);

    private final String label;
    private final double instructGptPercent;

    PromptCategory(String label, double instructGptPercent) {
        this.label = label;
        this.instructGptPercent = instructGptPercent;
    }

    public String getLabel() { return label; }
    public double getInstructGptPercent() { return instructGptPercent; }
    public String getName() { return name(); }
}
