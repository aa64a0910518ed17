package ai.finetune.portal.dataset;

import java.util.List;

/**
 * What a dataset holds, and the fields each record must have. Upload formats: JSONL (one object per line) or CSV
 * with a header row naming the fields (not for RANKINGS, whose fields are arrays). The typed checks and the stored
 * form of each kind are in {@link RecordChecker}.
 */
public enum DatasetKind {
    /** Prompts for sampling and labeling. */
    PROMPTS("Prompts", List.of("prompt"), List.of()),
    /** Labeler demonstrations for SFT ({@code completion} is accepted for {@code response}). */
    DEMONSTRATIONS("Demonstrations (prompt, response)", List.of("prompt", "response"), List.of()),
    /** Pairwise comparisons in the hh-rlhf format. */
    COMPARISONS("Pairwise comparisons (chosen, rejected)", List.of("chosen", "rejected"), List.of("prompt")),
    /** Code or text for pretraining. */
    CODE("Code / text corpus", List.of("text"), List.of()),
    /** K-way rankings: a prompt, its K = 4..9 completions and their order (best first; ties allowed). */
    RANKINGS("Rankings (prompt, completions, ranking)", List.of("prompt", "completions", "ranking"), List.of()),
    /** HumanEval-format problems (task_id, prompt, entry_point, test; canonical_solution optional). */
    HUMANEVAL("HumanEval problems", List.of("task_id", "prompt", "entry_point", "test"),
            List.of("canonical_solution"));

    private final String label;
    private final List<String> required;
    private final List<String> optional;

    DatasetKind(String label, List<String> required, List<String> optional) {
        this.label = label;
        this.required = required;
        this.optional = optional;
    }

    public String getLabel() {
        return label;
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }
}
