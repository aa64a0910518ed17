package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples with their verdicts, either just evaluated or read back from a results file
 * ({@code <samples>_results.jsonl}, ours or the reference harness's), so reranking and sweeps need not run
 * anything twice.
 */
public record ScoredSamples(List<Sample> samples, List<Verdict> verdicts) {

    public ScoredSamples {
        if (samples.size() != verdicts.size()) {
            throw new IllegalArgumentException("one verdict per sample needed");
        }
    }

    public static ScoredSamples of(Evaluation evaluation) {
        return new ScoredSamples(evaluation.samples(), evaluation.verdicts());
    }

    /** Reads a results file: every line needs {@code result} (a string) and {@code passed} agreeing with it. */
    public static ScoredSamples readResults(Path file, Problems problems) throws IOException {
        List<Sample> samples = Samples.read(file, problems);
        List<Verdict> verdicts = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            JsonNode result = s.record().get("result");
            JsonNode passed = s.record().get("passed");
            if (result == null || !result.isTextual() || passed == null || !passed.isBoolean()) {
                throw new JsonlFormatException(file.toString(), s.line(),
                        "not a results record: needs \"result\" (string) and \"passed\" (boolean); evaluate the samples first");
            }
            Verdict v = new Verdict(result.textValue());
            if (v.passed() != passed.booleanValue()) {
                throw new JsonlFormatException(file.toString(), s.line(), "\"passed\" is " + passed.booleanValue()
                        + " but \"result\" is \"" + result.textValue() + "\"");
            }
            verdicts.add(v);
        }
        return new ScoredSamples(samples, verdicts);
    }

    public PassAtKReport passAtK(List<Integer> ks) {
        return Evaluation.score(samples, verdicts, ks);
    }
}
