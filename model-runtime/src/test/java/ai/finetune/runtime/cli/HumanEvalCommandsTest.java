package ai.finetune.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The humaneval-* commands through Main.run, on the reference's example problem and small hand-made files. */
class HumanEvalCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path resource(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.copy(Path.of(getClass().getResource("/humaneval/" + name).toURI()), copy);
        return copy;
    }

    private static JsonNode run(String... args) throws Exception {
        StdoutCapture.Result r = StdoutCapture.run(() -> Main.run(args));
        assertEquals(0, r.status(), () -> "exit status of " + List.of(args) + ": " + r.stdout());
        return JSON.readTree(r.lastLine());
    }

    /** Exit status and stderr of a failing command. */
    private static Map.Entry<Integer, String> fail(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Map.entry(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void evaluateScoresTheReferenceExampleLikeItsReadme() throws Exception {
        // The reference README's check: 6 samples of one toy problem, 3 pass (subprocess, sleep and input() do not).
        Path problems = resource("example_problem.jsonl");
        Path samples = resource("example_samples.jsonl");
        JsonNode s = run("humaneval-evaluate", "--samples=" + samples, "--problems=" + problems, "--k=1,10",
                "--timeout=1.0", "--workers=2");
        assertEquals(0.5, s.get("pass@1").asDouble(), 1e-12);
        assertFalse(s.has("pass@10"), "k above the samples per task is skipped, as in the reference");
        assertEquals(10, s.get("skipped_k").get(0).asInt());
        Path results = dir.resolve("example_samples.jsonl_results.jsonl");
        assertEquals(results.toString(), s.get("results_file").asText());
        List<String> lines = Files.readAllLines(results);
        assertEquals(6, lines.size());
        List<String> words = lines.stream().map(l -> {
            try {
                return JSON.readTree(l).get("result").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of("failed: 'NoneType' object is not callable", "timed out", "failed: ", "passed", "passed",
                "passed"), words);
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("test/0", first.get("task_id").asText());
        assertFalse(first.get("passed").asBoolean());
        JsonNode summary = JSON.readTree(Files.readString(dir.resolve("example_samples.jsonl_summary.json")));
        assertEquals(3, summary.get("per_task").get("test/0").get("c").asInt());
    }

    @Test
    void badInputIsAUsageErrorNamingFileAndLine() throws Exception {
        Path problems = Files.writeString(dir.resolve("p.jsonl"), "{\"task_id\": \"x\"}\n");
        Path samples = Files.writeString(dir.resolve("s.jsonl"), "{\"task_id\": \"x\", \"completion\": \"\"}\n");
        Map.Entry<Integer, String> r = fail("humaneval-evaluate", "--samples=" + samples, "--problems=" + problems);
        assertEquals(2, r.getKey());
        assertTrue(r.getValue().contains(problems + ":1: missing field \"prompt\""), r.getValue());

        Path some = Files.writeString(dir.resolve("some.jsonl"), "{\"task_id\": \"HumanEval/0\", \"completion\": \"\"}\n");
        r = fail("humaneval-evaluate", "--samples=" + some);
        assertEquals(2, r.getKey());
        assertTrue(r.getValue().contains("attempt 1 of 164 problems"), r.getValue());

        r = fail("humaneval-evaluate", "--samples=" + dir.resolve("missing.jsonl"));
        assertEquals(2, r.getKey());
        assertTrue(r.getValue().contains("no such file"), r.getValue());

        r = fail("humaneval-evaluate", "--samples=" + some, "--python=/root/.pyenv/shims/python3");
        assertEquals(2, r.getKey());
        assertTrue(r.getValue().contains("refusing to run untrusted samples without a sandbox"), r.getValue());
    }

    private Path results(String name, String... records) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", records) + "\n");
    }

    private static String rec(String task, double logprob, boolean passed) {
        return "{\"task_id\": \"" + task + "\", \"completion\": \"\", \"mean_logprob\": " + logprob + ", \"result\": \""
                + (passed ? "passed" : "failed: ") + "\", \"passed\": " + passed + "}";
    }

    @Test
    void rerankPicksTheHighestMeanLogprobBesideRandomAndOracle() throws Exception {
        Path problems = Files.writeString(dir.resolve("p.jsonl"),
                "{\"task_id\": \"a\", \"prompt\": \"\", \"canonical_solution\": \"\", \"test\": \"\", \"entry_point\": \"f\"}\n"
                + "{\"task_id\": \"b\", \"prompt\": \"\", \"canonical_solution\": \"\", \"test\": \"\", \"entry_point\": \"f\"}\n");
        // a: the likeliest sample passes (1 of 3 pass); b: the likeliest fails, another passes (1 of 2)
        Path r = results("r.jsonl", rec("a", -0.5, false), rec("a", -0.1, true), rec("a", -0.9, false),
                rec("b", -0.2, false), rec("b", -0.3, true));
        JsonNode s = run("humaneval-rerank", "--results=" + r, "--problems=" + problems);
        assertEquals(0.5, s.get("ranked_pass@1").asDouble(), 1e-12);
        assertEquals((1.0 / 3 + 0.5) / 2, s.get("random_pass@1").asDouble(), 1e-12);
        assertEquals(1.0, s.get("oracle_pass@n").asDouble(), 1e-12);

        Path noLogprob = results("n.jsonl", "{\"task_id\": \"a\", \"completion\": \"\", \"result\": \"passed\", \"passed\": true}");
        Map.Entry<Integer, String> f = fail("humaneval-rerank", "--results=" + noLogprob, "--problems=" + problems);
        assertEquals(2, f.getKey());
        assertTrue(f.getValue().contains("line 1") && f.getValue().contains("mean_logprob"), f.getValue());
    }

    @Test
    void sweepWritesSeriesPerKAndTheBestTemperature() throws Exception {
        Path problems = Files.writeString(dir.resolve("p.jsonl"),
                "{\"task_id\": \"a\", \"prompt\": \"\", \"canonical_solution\": \"\", \"test\": \"\", \"entry_point\": \"f\"}\n");
        Path cold = results("t02.jsonl", rec("a", -1, true), rec("a", -1, false), rec("a", -1, false), rec("a", -1, false));
        Path hot = results("t08.jsonl", rec("a", -1, false), rec("a", -1, true), rec("a", -1, true), rec("a", -1, false));
        Path out = dir.resolve("sweep.json");
        JsonNode s = run("humaneval-sweep", "--results=0.8=" + hot + ",0.2=" + cold, "--problems=" + problems,
                "--k=1,2,10", "--out=" + out);
        assertEquals(List.of(0.2, 0.8), List.of(s.get("temperatures").get(0).asDouble(), s.get("temperatures").get(1).asDouble()));
        assertEquals(0.25, s.get("series").get("pass@1").get(0).get(1).asDouble(), 1e-12);
        assertEquals(0.5, s.get("series").get("pass@1").get(1).get(1).asDouble(), 1e-12);
        assertEquals(1 - 1.0 / 6, s.get("series").get("pass@2").get(1).get(1).asDouble(), 1e-12); // 1 - C(2,2)/C(4,2)
        assertEquals(0.8, s.get("best_temperature").get("pass@1").asDouble());
        assertFalse(s.get("series").has("pass@10"));
        assertEquals(s.get("points"), JSON.readTree(Files.readString(out)).get("points"));
    }

    @Test
    void generateWritesSamplesThatEvaluateAndSweepConsume() throws Exception {
        Path modelDir = TinyGptCheckpoint.save(dir.resolve("tiny-gpt"),
                "def f(x):\n    return x + 1\n\ndef g(y):\n    return [y for y in range(3)]\n", 300, 3);
        Path samples = dir.resolve("gen.jsonl");
        JsonNode g = run("humaneval-generate", "--model=" + modelDir, "--n=3", "--batch=2", "--temperature=0.8",
                "--maxTokens=12", "--limit=2", "--out=" + samples);
        assertEquals(6, g.get("samples").asInt());
        List<String> lines = Files.readAllLines(samples);
        assertEquals(6, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("HumanEval/0", first.get("task_id").asText());
        assertTrue(first.has("completion") && first.has("mean_logprob") && first.has("finish"), lines.get(0));
        for (String stop : List.of("\nclass", "\ndef", "\n#", "\nif", "\nprint")) {
            assertFalse(first.get("completion").asText().contains(stop), "stop sequence kept: " + stop);
        }
        JsonNode e = run("humaneval-evaluate", "--samples=" + samples, "--ignoreIncomplete=true", "--k=1,3");
        assertEquals(6, e.get("samples").asInt());
        assertTrue(e.has("pass@3"));
        JsonNode rr = run("humaneval-rerank", "--results=" + dir.resolve("gen.jsonl_results.jsonl"));
        assertEquals(2, rr.get("tasks").asInt());

        JsonNode sweep = run("humaneval-sweep", "--model=" + modelDir, "--temperatures=0.2,0.8", "--n=2",
                "--maxTokens=8", "--limit=1", "--k=1,2", "--out=" + dir.resolve("sweep.json"));
        assertEquals(2, sweep.get("points").size());
        assertTrue(Files.exists(dir.resolve("humaneval_samples_t0.2.jsonl_results.jsonl")));
    }
}
