package ai.finetune.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.BpeTrainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reward-train, ppo (and --resume), score and compare end to end on a 2-layer, 32-wide model. */
class RlhfCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, String stdout) {
        JsonNode summary() throws Exception {
            String[] lines = stdout.strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        }
    }

    static Run main(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void rewardTrainPpoResumeScoreCompare(@TempDir Path dir) throws Exception {
        String text = "def add(a, b):\n    return a + b\n\nprint(add(1, 2))\n".repeat(30);
        BpeTrainer bt = new BpeTrainer(300, 2);
        bt.feed(text);
        BpeTokenizer tok = bt.train();
        GptConfig cfg = new GptConfig(tok.vocabSize(), 48, 2, 2, 32, 0.0, GptConfig.GELU);
        Path sft = dir.resolve("sft");
        try (GptModel m = GptModel.create(cfg, Device.cpu(), 1)) {
            Checkpoint.saveModel(sft, new Checkpoint.Meta("sft", cfg, null, Map.of()), m.toTensors(), tok);
        }
        List<String> rankings = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rankings.add("{\"prompt\":\"add " + i + "\",\"responses\":[\"a + b\",\"a - b\",\"b\"],"
                    + "\"ranking\":[[0],[1,2]]}");
            prompts.add("{\"prompt\":\"add " + i + "\",\"response\":\"a + b\"}");
        }
        Files.write(dir.resolve("rank.jsonl"), rankings);
        Files.write(dir.resolve("prompts.jsonl"), prompts);
        Files.writeString(dir.resolve("ptx.txt"), text);
        String rm = dir.resolve("rm").toString();
        Run r = main("reward-train", "--sft=" + sft, "--data=" + dir.resolve("rank.jsonl"), "--out=" + rm,
                "--epochs=2", "--batchSize=2", "--valFraction=0.25", "--seed=3");
        assertEquals(0, r.status(), r.stdout());
        assertTrue(r.summary().get("val_accuracy").has("ci_low"));

        String ppo = dir.resolve("ppo").toString();
        String[] common = {"--promptsPerIteration=2", "--samplesPerPrompt=2", "--maxNewTokens=4", "--minibatchSize=2",
            "--ptxBatchSize=2", "--ptxSeqLen=8", "--checkpointInterval=1"};
        List<String> args = new ArrayList<>(List.of("ppo", "--sft=" + sft, "--rewardModel=" + rm, "--prompts="
                + dir.resolve("prompts.jsonl"), "--ptxData=" + dir.resolve("ptx.txt"), "--out=" + ppo,
                "--iterations=2", "--ptxCoef=1.0"));
        args.addAll(List.of(common));
        r = main(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.stdout());
        assertEquals(2, r.summary().get("iteration").asInt());
        r = main("ppo", "--out=" + ppo, "--resume", "--iterations=3");
        assertEquals(0, r.status(), r.stdout());
        assertEquals(3, r.summary().get("iteration").asInt());
        assertEquals(3, Files.readAllLines(Path.of(ppo, "metrics.jsonl")).size());

        r = main("score", "--rewardModel=" + rm, "--data=" + dir.resolve("prompts.jsonl"));
        assertEquals(0, r.status(), r.stdout());
        assertEquals(8, r.summary().get("n").asInt());
        assertEquals(9, r.stdout().strip().split("\n").length);

        r = main("compare", "--modelA=" + ppo + "/policy", "--modelB=" + sft, "--prompts=" + dir.resolve("prompts.jsonl"),
                "--rewardModel=" + rm, "--maxNewTokens=4");
        assertEquals(0, r.status(), r.stdout());
        assertEquals(8, r.summary().get("n").asInt());

        assertEquals(2, main("ppo", "--out=" + ppo, "--resume", "--learningRate=1").status()); // not allowed on resume
        assertEquals(2, main("experiment", "no-such-experiment").status());
        assertEquals(2, main("ppo", "--sft=" + sft, "--rewardModel=" + rm, "--prompts=x", "--out=y").status());
    }
}
