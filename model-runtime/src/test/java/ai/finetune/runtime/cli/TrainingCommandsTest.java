package ai.finetune.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.BpeTrainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pretrain -> resume -> sample -> sft through Main.run, on a tiny model and corpus (seconds). */
class TrainingCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path tokenizer;
    static Path corpus;

    @BeforeAll
    static void corpusAndTokenizer() throws Exception {
        List<String> lines = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String doc = "def f" + i + "(x):\n    return x * " + i + "\n";
            lines.add(JSON.writeValueAsString(java.util.Map.of("text", doc)));
            all.append(doc);
        }
        corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, lines);
        BpeTrainer trainer = new BpeTrainer(300, 2);
        trainer.feed(all.toString());
        BpeTokenizer tok = trainer.train();
        tokenizer = dir.resolve("tokenizer.json");
        tok.save(tokenizer);
    }

    static JsonNode run(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, "UTF-8"));
        int rc;
        try {
            rc = Main.run(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString("UTF-8");
        assertEquals(0, rc, "exit status of " + String.join(" ", args) + "; stdout: " + out);
        String[] lines = out.strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    static final String[] TINY = {"--layers=2", "--heads=2", "--width=32", "--context=32", "--seqLen=16",
        "--batchSize=4", "--evalInterval=2", "--evalBatches=1", "--warmupSteps=1"};

    static String[] args(String[] base, String... more) {
        List<String> l = new ArrayList<>(List.of(base));
        l.addAll(List.of(TINY));
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }

    @Test
    void pretrainResumeSampleAndSft() throws Exception {
        Path run = dir.resolve("run");
        JsonNode s = run(args(new String[] {"pretrain", "--data=" + corpus, "--tokenizer=" + tokenizer, "--out=" + run,
            "--maxSteps=4", "--seed=3"}));
        assertEquals(4, s.get("step").asInt());
        assertTrue(s.get("val_loss").isNumber());
        assertTrue(Files.exists(run.resolve("metrics.jsonl")));
        assertEquals(4, Files.readAllLines(run.resolve("metrics.jsonl")).size());

        // continue the same run to 6 steps
        JsonNode r = run("pretrain", "--resume=" + run, "--maxSteps=6");
        assertEquals(6, r.get("step").asInt());
        assertEquals(6, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        assertEquals(6, Checkpoint.load(run).state().step());

        JsonNode sample = run("sample", "--model=" + run, "--prompt=def f(x):\\n", "--n=2", "--maxNewTokens=8",
                "--temperature=0.8", "--seed=1");
        assertEquals(2, sample.get("samples").size());

        // a prompts file: K samples per prompt to samples.jsonl (the portal's sample-comparisons job), --limit honoured
        Path promptsFile = dir.resolve("prompts.jsonl");
        Files.write(promptsFile, List.of("{\"prompt\": \"def f(x):\"}", "{\"prompt\": \"def g(x):\"}",
                "{\"prompt\": \"def h(x):\"}"));
        Path sampled = dir.resolve("sampled");
        JsonNode file = run("sample", "--model=" + run, "--prompts=" + promptsFile, "--out=" + sampled, "--n=4",
                "--maxNewTokens=6", "--limit=2");
        assertEquals(2, file.get("prompts").asInt());
        assertFalse(file.get("stopped").asBoolean());
        List<String> lines = Files.readAllLines(sampled.resolve("samples.jsonl"));
        assertEquals(2, lines.size());
        assertEquals("def g(x):", JSON.readTree(lines.get(1)).get("prompt").asText());
        assertEquals(4, JSON.readTree(lines.get(1)).get("completions").size());
        assertEquals(2, Files.readAllLines(sampled.resolve("metrics.jsonl")).size());

        Path pairs = dir.resolve("pairs.jsonl");
        Files.write(pairs, List.of(
                "{\"prompt\": \"def f(x):\", \"response\": \"    return x\"}",
                "{\"prompt\": \"def g(x):\", \"completion\": \"    return 2 * x\"}",
                "{\"prompt\": \"def h(x):\", \"response\": \"    return x + 1\"}"));
        JsonNode sft = run("sft", "--data=" + pairs, "--init=" + run, "--out=" + dir.resolve("sft"), "--maxSteps=2",
                "--batchSize=2", "--seqLen=16");
        assertEquals(2, sft.get("step").asInt());
        Checkpoint.Loaded cp = Checkpoint.load(dir.resolve("sft"));
        assertEquals("sft", cp.meta().kind());
        assertEquals(0.2, cp.meta().model().dropout(), 1e-12); // InstructGPT's SFT dropout

        // whitespace adaptation: the embedding grows, old rows stay, the adapted model samples
        BpeTokenizer base = BpeTokenizer.load(tokenizer);
        BpeTokenizer adapted = base.withWhitespaceTokens();
        assertTrue(adapted.vocabSize() > base.vocabSize());
        Path adaptedTok = dir.resolve("adapted.json");
        adapted.save(adaptedTok);
        JsonNode a = run("adapt-checkpoint", "--model=" + run, "--tokenizer=" + adaptedTok,
                "--out=" + dir.resolve("adapted"));
        assertEquals(adapted.vocabSize(), a.get("new_vocab").asInt());
        Checkpoint.Loaded before = Checkpoint.load(run);
        Checkpoint.Loaded after = Checkpoint.load(dir.resolve("adapted"));
        float[] oldWte = before.weights().get("wte").data();
        float[] newWte = after.weights().get("wte").data();
        assertEquals(adapted.vocabSize() * 32, newWte.length);
        assertTrue(java.util.Arrays.equals(oldWte, java.util.Arrays.copyOf(newWte, oldWte.length)));
        run("sample", "--model=" + dir.resolve("adapted"), "--prompt=def f(x):\n        ", "--maxNewTokens=4");

        // GPT-2 export and import give back the same weights
        run("gpt2-export", "--model=" + run, "--out=" + dir.resolve("hf"));
        run("gpt2-import", "--hf=" + dir.resolve("hf"), "--out=" + dir.resolve("reimported"));
        Checkpoint.Loaded re = Checkpoint.load(dir.resolve("reimported"));
        for (String name : before.weights().keySet()) {
            assertTrue(java.util.Arrays.equals(before.weights().get(name).data(), re.weights().get(name).data()), name);
        }
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        assertEquals(2, Main.run(new String[] {"pretrain", "--data=" + corpus, "--tokenizer=" + tokenizer,
            "--out=" + dir.resolve("x"), "--maxStep=3"}));
        assertEquals(2, Main.run(new String[] {"pretrain", "--data=" + corpus, "--tokenizer=" + tokenizer,
            "--out=" + dir.resolve("x"), "--layers=two"}));
        assertEquals(2, Main.run(new String[] {"sample", "--prompt=x"}));
        assertFalse(Files.exists(dir.resolve("x").resolve("latest")));
    }
}
