package ai.finetune.runtime.eval.humaneval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsTest {
    private static final String GOOD = "{\"task_id\": \"t/0\", \"prompt\": \"def f():\\n\", \"canonical_solution\": "
            + "\"    return 1\\n\", \"test\": \"def check(c):\\n    assert c() == 1\\n\", \"entry_point\": \"f\"}";

    @TempDir
    Path dir;

    @Test
    void bundledHumanEvalHas164ProblemsInOrder() throws IOException {
        Problems p = Problems.humanEval();
        assertEquals(164, p.size());
        assertEquals("HumanEval/0", p.all().iterator().next().taskId());
        assertEquals("has_close_elements", p.get("HumanEval/0").entryPoint());
        assertTrue(p.get("HumanEval/163").test().contains("def check(candidate)"));
    }

    @Test
    void programIsPromptCompletionTestAndCheckLikeTheReference() {
        Problem p = new Problem("t/0", "def f():\n", "    return 1\n", "def check(c):\n    assert c() == 1\n", "f");
        assertEquals("def f():\n    return 2\n\ndef check(c):\n    assert c() == 1\n\ncheck(f)", p.program("    return 2\n"));
    }

    @Test
    void readsPlainAndGzipFilesAndSkipsBlankLines() throws IOException {
        Path plain = Files.writeString(dir.resolve("p.jsonl"), GOOD + "\n\n   \n");
        Path gz = dir.resolve("p.data"); // gzip is recognised by its magic bytes, not the name
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("f", Problems.load(plain).get("t/0").entryPoint());
        assertEquals("f", Problems.load(gz).get("t/0").entryPoint());
    }

    @Test
    void malformedRecordsAreReportedWithTheirLineNumber() throws IOException {
        Path badJson = Files.writeString(dir.resolve("a.jsonl"), GOOD + "\n\n{\"task_id\": \n");
        JsonlFormatException e = assertThrows(JsonlFormatException.class, () -> Problems.load(badJson));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(badJson + ":3: not valid JSON"), e.getMessage());

        Path missing = Files.writeString(dir.resolve("b.jsonl"), GOOD.replace("t/0", "t/1") + "\n"
                + GOOD.replace("\"entry_point\": \"f\"", "\"entry\": \"f\"") + "\n");
        e = assertThrows(JsonlFormatException.class, () -> Problems.load(missing));
        assertEquals(missing + ":2: missing field \"entry_point\"", e.getMessage());

        Path wrongType = Files.writeString(dir.resolve("c.jsonl"), GOOD.replace("\"def f():\\n\"", "42") + "\n");
        e = assertThrows(JsonlFormatException.class, () -> Problems.load(wrongType));
        assertEquals(wrongType + ":1: field \"prompt\" must be a string, got NUMBER", e.getMessage());

        Path duplicate = Files.writeString(dir.resolve("d.jsonl"), GOOD + "\n" + GOOD + "\n");
        e = assertThrows(JsonlFormatException.class, () -> Problems.load(duplicate));
        assertEquals(duplicate + ":2: duplicate task_id \"t/0\"", e.getMessage());

        Path array = Files.writeString(dir.resolve("e.jsonl"), "[1, 2]\n");
        e = assertThrows(JsonlFormatException.class, () -> Problems.load(array));
        assertEquals(array + ":1: expected a JSON object, got ARRAY", e.getMessage());
    }

    @Test
    void samplesNamingUnknownTasksOrLackingACompletionAreRejectedWithTheirLine() throws IOException {
        Problems problems = Problems.humanEval();
        Path unknown = Files.writeString(dir.resolve("s.jsonl"),
                "{\"task_id\": \"HumanEval/0\", \"completion\": \"\"}\n{\"task_id\": \"HumanEval/999\", \"completion\": \"\"}\n");
        JsonlFormatException e = assertThrows(JsonlFormatException.class, () -> Samples.read(unknown, problems));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("HumanEval/999"), e.getMessage());

        Path noCompletion = Files.writeString(dir.resolve("t.jsonl"), "{\"task_id\": \"HumanEval/0\"}\n");
        e = assertThrows(JsonlFormatException.class, () -> Samples.read(noCompletion, problems));
        assertEquals(noCompletion + ":1: missing field \"completion\"", e.getMessage());

        Path badLogprob = Files.writeString(dir.resolve("u.jsonl"),
                "{\"task_id\": \"HumanEval/0\", \"completion\": \"\", \"mean_logprob\": \"high\"}\n");
        e = assertThrows(JsonlFormatException.class, () -> Samples.read(badLogprob, problems));
        assertEquals(1, e.line());
    }
}
