package ai.finetune.runtime.eval.alignment;

/** The model's answer to one BBQ item: which answer it chose, and whether that is correct and biased. */
public record BbqAnswer(String category, int exampleId, boolean ambiguous, boolean negativeQuestion, int chosen,
                        int label, boolean correct, boolean unknown, boolean biased) {}
