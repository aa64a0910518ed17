package ai.finetune.runtime.eval.alignment;

/**
 * Accuracy over the questions of one category (or of all, {@link TruthfulQaMc1#ALL_CATEGORIES}).
 *
 * @param chance the expected accuracy of picking uniformly at random: the mean of 1 / choices
 */
public record CategoryAccuracy(String category, int questions, int correct, double accuracy, double chance) {}
