package ai.finetune.runtime.eval.alignment;

import java.util.List;

/**
 * The TruthfulQA MC1 result of one model: the overall accuracy and its chance level, per-category accuracies (the
 * first row covers all questions) and every pick.
 *
 * @param licence the dataset's licence, to show beside the figures
 */
public record TruthfulQaReport(String model, double mc1, double chance, int questions, int correct,
                               List<CategoryAccuracy> categories, List<TruthfulQaAnswer> answers, String licence) {}
