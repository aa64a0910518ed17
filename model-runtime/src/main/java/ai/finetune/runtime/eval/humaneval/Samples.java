package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a samples JSONL ({@code task_id}, {@code completion}, optional {@code mean_logprob}) made anywhere. */
public final class Samples {
    /** Field with the mean token log-probability of a completion, as {@code humaneval-generate} writes it. */
    public static final String MEAN_LOGPROB = "mean_logprob";

    /**
     * Reads all samples; every task id must be one of {@code problems}. Errors name the file and line.
     */
    public static List<Sample> read(Path file, Problems problems) throws IOException {
        String name = file.toString();
        List<Sample> samples = new ArrayList<>();
        for (Jsonl.Line line : Jsonl.read(file)) {
            String taskId = Jsonl.text(line, name, "task_id");
            String completion = Jsonl.text(line, name, "completion");
            if (problems.get(taskId) == null) {
                throw new JsonlFormatException(name, line.number(), "task_id \"" + taskId + "\" is not in the problems ("
                        + problems.source() + ")");
            }
            double meanLogprob = Double.NaN;
            JsonNode lp = line.object().get(MEAN_LOGPROB);
            if (lp != null && !lp.isNull()) {
                if (!lp.isNumber()) {
                    throw new JsonlFormatException(name, line.number(), "field \"" + MEAN_LOGPROB + "\" must be a number");
                }
                meanLogprob = lp.doubleValue();
            }
            samples.add(new Sample(line.number(), taskId, completion, meanLogprob, line.object()));
        }
        if (samples.isEmpty()) {
            throw new JsonlFormatException(name, 1, "no samples in file");
        }
        return samples;
    }

    private Samples() {}
}
