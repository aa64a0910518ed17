package ai.finetune.runtime.eval.alignment;

import java.util.ArrayList;
import java.util.List;

/**
 * One TruthfulQA question (a row of TruthfulQA.csv).
 *
 * @param line             the CSV line the row starts on, for messages
 * @param incorrectAnswers the "; "-separated Incorrect Answers, trimmed, empty entries (from trailing
 *                         semicolons, 20 rows of the classic file) dropped
 */
public record TruthfulQaQuestion(long line, String type, String category, String question, String bestAnswer,
                                 List<String> correctAnswers, List<String> incorrectAnswers, String source) {
    public TruthfulQaQuestion {
        correctAnswers = List.copyOf(correctAnswers);
        incorrectAnswers = List.copyOf(incorrectAnswers);
    }

    /**
     * The MC1 candidates: the best answer first (index 0, the correct one), then each distinct incorrect answer
     * (one row of the classic file lists an incorrect answer twice; a duplicate cannot change which answer scores
     * lowest, but it would count twice in the chance level).
     */
    public List<String> mc1Choices() {
        List<String> choices = new ArrayList<>();
        choices.add(bestAnswer);
        for (String a : incorrectAnswers) {
            if (!choices.contains(a)) {
                choices.add(a);
            }
        }
        return choices;
    }
}
