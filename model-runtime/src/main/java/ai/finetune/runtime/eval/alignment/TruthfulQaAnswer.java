package ai.finetune.runtime.eval.alignment;

/**
 * The model's MC1 pick for one question.
 *
 * @param choices         the number of candidate answers (best answer plus distinct incorrect ones)
 * @param correct         whether the pick is the best answer
 * @param bestAnswerNll   the best answer's average negative log-likelihood (nats per token)
 * @param pickedNll       the picked answer's
 */
public record TruthfulQaAnswer(int question, String category, String questionText, int choices, String picked,
                               boolean correct, double bestAnswerNll, double pickedNll) {}
