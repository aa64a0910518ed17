package ai.finetune.labeling.screening;

import java.util.Map;

/**
 * An applicant's answers: per flagging item whether the text is sensitive; per ranking item the rank given to each
 * output number (1..K; equal ranks are ties); the demonstration's text.
 */
public record ScreeningAnswers(Map<Long, Boolean> sensitive, Map<Long, Map<Long, Integer>> ranks, String demonstration) {
}
