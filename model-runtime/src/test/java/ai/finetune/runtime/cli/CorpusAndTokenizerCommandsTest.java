package ai.finetune.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.tokenizer.BpeTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four corpus/tokenizer commands end to end through {@link Main#run}, on tiny inputs. */
class CorpusAndTokenizerCommandsTest {
    record Result(int status, String out, String err) {
        JsonNode summary() throws IOException {
            List<String> lines = out.lines().toList();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    @TempDir
    Path dir;

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Path dialogues() throws IOException {
        Path corpus = dir.resolve("dialogues.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append("{\"chosen\": \"\\n\\nHuman: How do I sort a list number ").append(i)
                    .append("?\\n\\nAssistant: Use sorted(), it returns a new list.\", \"rejected\": \"\\n\\nHuman: How do I sort a list number ")
                    .append(i).append("?\\n\\nAssistant: I don't know.\"}\n");
        }
        Files.writeString(corpus, sb);
        return corpus;
    }

    @Test
    void trainAdaptAndTokenize() throws IOException {
        Path corpus = dialogues();
        Path plain = dir.resolve("plain.json");
        Result r = run("tokenizer-train", "--corpus=" + corpus, "--vocabSize=300", "--whitespaceTokens=false", "--out=" + plain);
        assertEquals(0, r.status(), r.err());
        assertEquals(300, r.summary().get("vocabSize").asInt());
        assertEquals(100, r.summary().get("documents").asInt());

        Path ws = dir.resolve("ws.json");
        r = run("tokenizer-train", "--corpus=" + corpus, "--vocabSize=300", "--whitespaceTokens=true", "--out=" + ws);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.summary().get("vocabSize").asInt() > 300);
        assertEquals(BpeTokenizer.load(plain).merges(), BpeTokenizer.load(ws).merges(), "same learned vocabulary");

        Path adapted = dir.resolve("adapted.json");
        r = run("tokenizer-adapt", "--tokenizer=" + plain, "--out=" + adapted);
        assertEquals(0, r.status(), r.err());
        assertEquals(Files.readString(ws), Files.readString(adapted), "adapting = training with whitespace tokens");

        Path code = dir.resolve("code.py");
        Files.writeString(code, "def f(x):\n        if x:\n                return sorted(x)\n");
        Result before = run("tokenize", "--tokenizer=" + plain, "--input=" + code);
        Result after = run("tokenize", "--tokenizer=" + ws, "--input=" + code, "--baseline=" + plain,
                "--verifyHuggingFace=true");
        assertEquals(0, after.status(), after.err());
        assertEquals(1, after.summary().get("files").asInt());
        assertEquals(Files.size(code), after.summary().get("bytes").asLong());
        assertEquals(0, after.summary().get("huggingFaceMismatches").asInt());
        assertTrue(after.summary().get("tokens").asInt() < before.summary().get("tokens").asInt());
        assertEquals(before.summary().get("tokens").asInt(), after.summary().get("baselineTokens").asInt());
        assertTrue(after.summary().get("reduction").asDouble() > 0.2, after.out());
    }

    @Test
    void prepareCorpusWritesTheThreeFiles() throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        for (int i = 0; i < 10; i++) {
            Files.writeString(src.resolve("m" + i + ".py"), "x = " + i + "\n");
        }
        Path out = dir.resolve("corpus");
        Result r = run("prepare-corpus", "--input=" + src, "--out=" + out, "--valFraction=0.2", "--seed=1");
        assertEquals(0, r.status(), r.err());
        assertEquals(8, r.summary().get("train").asInt());
        assertEquals(2, r.summary().get("val").asInt());
        assertTrue(Files.exists(out.resolve("report.json")));
        assertEquals(2, Files.readAllLines(out.resolve("val.jsonl")).size());
    }

    @Test
    void badInputGivesClearErrors() throws IOException {
        Path out = dir.resolve("t.json");
        Result r = run("tokenizer-train", "--corpus=" + dialogues(), "--vocabSize=257", "--out=" + out);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--vocabSize=257") && r.err().contains("258"), r.err());

        r = run("tokenizer-train", "--corpus=" + dir.resolve("missing"), "--out=" + out);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--corpus=") && r.err().contains("no such file"), r.err());

        r = run("tokenize", "--tokenizer=" + out, "--input=" + dir, "--colour=red");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown option --colour"), r.err());

        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": oops}\n");
        r = run("prepare-corpus", "--input=" + broken, "--out=" + dir.resolve("o"));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("broken.jsonl: line 3: malformed JSON"), r.err());
    }
}
