package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One completion to score. {@code record} is the line as read (every field kept, so the results file carries the
 * sample unchanged plus {@code result} and {@code passed}); {@code meanLogprob} is the mean token log-probability
 * when the generator recorded it (for reranking), else NaN.
 */
public record Sample(long line, String taskId, String completion, double meanLogprob, ObjectNode record) {

    public boolean hasMeanLogprob() {
        return !Double.isNaN(meanLogprob);
    }
}
