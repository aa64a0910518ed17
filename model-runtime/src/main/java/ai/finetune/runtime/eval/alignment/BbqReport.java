package ai.finetune.runtime.eval.alignment;

import java.util.List;

/**
 * The BBQ result of one model: per-category scores (the first row pools all categories) and every answer.
 *
 * @param licence the dataset's licence, to show beside the figures
 */
public record BbqReport(String model, List<BbqCategoryScore> categories, List<BbqAnswer> answers, String licence) {}
