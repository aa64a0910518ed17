package ai.finetune.portal.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each kind's typed checks and the normalised form it stores (what model-runtime's readers take). */
class RecordCheckerTest {
    static final String FOUR = "\"completions\":[\"a\",\"b\",\"c\",\"d\"]";

    static String store(DatasetKind kind, String file, String content) throws Exception {
        StringWriter out = new StringWriter();
        new DatasetValidator(kind, 1 << 20).validate(file, new ByteArrayInputStream(
                content.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString();
    }

    static String reject(DatasetKind kind, String content) {
        return DatasetValidatorTest.reject(kind, "x.jsonl", content, 1 << 20);
    }

    @Test
    void rankingsAreStoredAsRewardTrainReadsThem() throws Exception {
        assertEquals("{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\",\"d\"],\"ranking\":[[2],[0],[3],[1]]}\n",
                store(DatasetKind.RANKINGS, "r.jsonl", "{\"prompt\":\"p\"," + FOUR + ",\"ranking\":[2,0,3,1]}\n"));
        // ties as groups, and reward-train's own spelling 'responses'
        assertEquals("{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\",\"d\"],\"ranking\":[[2],[0,3],[1]]}\n",
                store(DatasetKind.RANKINGS, "r.jsonl",
                        "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\",\"d\"],\"ranking\":[[2],[0,3],[1]]}\n"));
        // labeler-ui's RankingExport K-way line: one rank per completion, 1 = best, equal ranks tied
        assertEquals("{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\",\"d\"],\"ranking\":[[1],[0,2],[3]]}\n",
                store(DatasetKind.RANKINGS, "r.jsonl", "{\"item\":7,\"labeler\":\"l\",\"prompt\":\"p\"," + FOUR
                        + ",\"ranks\":[2,1,2,3],\"scores\":[0,0,0,0],\"models\":[\"m\",\"m\",\"m\",\"m\"]}\n"));
    }

    @Test
    void rankingMistakesNameLineAndField() {
        assertEquals("line 1: field 'completions': expected an array of 4 to 9 strings, got a number",
                reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\",\"completions\":5,\"ranking\":[0]}"));
        assertEquals("line 1: field 'completions': expected an array of 4 to 9 strings, got 3",
                reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\",\"completions\":[\"a\",\"b\",\"c\"],\"ranking\":[0,1,2]}"));
        assertEquals("line 1: field 'completions': expected an array of 4 to 9 strings, but item 2 is a number",
                reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\",\"completions\":[\"a\",\"b\",1,\"d\"],\"ranking\":[0]}"));
        assertEquals("line 2: field 'ranking': completion 3 is not ranked",
                reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\"," + FOUR + ",\"ranking\":[0,1,2,3]}\n"
                        + "{\"prompt\":\"p\"," + FOUR + ",\"ranking\":[0,1,2]}"));
        assertEquals("line 1: field 'ranking': completion 1 appears twice",
                reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\"," + FOUR + ",\"ranking\":[0,1,1,3]}"));
        assertEquals("line 1: field 'ranking': index 4 is outside 0..3 (there are 4 completions)",
                reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\"," + FOUR + ",\"ranking\":[0,1,2,4]}"));
        assertEquals("line 1: field 'ranking': expected a permutation of 0..3 (best first) or groups of tied "
                + "indices, got a string", reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\"," + FOUR + ",\"ranking\":\"0123\"}"));
        assertEquals("line 1: field 'ranking': all 4 completions are tied: no preference to learn from",
                reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\"," + FOUR + ",\"ranking\":[[0,1,2,3]]}"));
        assertEquals("line 1: field 'ranks': expected an array of 4 integers (one rank per completion, 1 = best), "
                + "got an array of 3", reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\"," + FOUR + ",\"ranks\":[1,2,3]}"));
        assertEquals(true, reject(DatasetKind.RANKINGS, "{\"prompt\":\"p\"," + FOUR + "}")
                .startsWith("line 1: missing field 'ranking'"));
        assertEquals("line 1: field 'prompt': expected a string, got an array of 0",
                reject(DatasetKind.RANKINGS, "{\"prompt\":[]," + FOUR + ",\"ranking\":[0,1,2,3]}"));
    }

    @Test
    void rankingsAreJsonlOnly() {
        assertEquals("line 1: fields 'completions' and 'ranking' are arrays, which CSV cannot hold: upload RANKINGS "
                + "as JSONL", DatasetValidatorTest.reject(DatasetKind.RANKINGS, "r.csv", "prompt,completions\n", 100));
    }

    @Test
    void humanEvalProblemsAreStoredWithAllFiveFields() throws Exception {
        String p = "{\"task_id\":\"T/0\",\"prompt\":\"def f(x):\\n\",\"entry_point\":\"f\","
                + "\"test\":\"def check(c):\\n    assert c(1) == 1\\n\"}";
        assertEquals("{\"task_id\":\"T/0\",\"prompt\":\"def f(x):\\n\",\"entry_point\":\"f\","
                + "\"test\":\"def check(c):\\n    assert c(1) == 1\\n\",\"canonical_solution\":\"\"}\n",
                store(DatasetKind.HUMANEVAL, "h.jsonl", p));
        // CSV works for HumanEval (all strings; quoted values span lines)
        assertEquals("{\"task_id\":\"T/1\",\"prompt\":\"def g():\\n\",\"entry_point\":\"g\",\"test\":\"assert True\","
                + "\"canonical_solution\":\"    return 1\\n\"}\n", store(DatasetKind.HUMANEVAL, "h.csv",
                "task_id,prompt,entry_point,test,canonical_solution\nT/1,\"def g():\n\",g,assert True,\"    return 1\n\"\n"));
    }

    @Test
    void humanEvalMistakesNameLineAndField() {
        String ok = "{\"task_id\":\"T/0\",\"prompt\":\"p\",\"entry_point\":\"f\",\"test\":\"t\"}\n";
        assertEquals("line 2: field 'task_id': 'T/0' already appears on line 1", reject(DatasetKind.HUMANEVAL, ok + ok));
        assertEquals("line 1: field 'entry_point': expected a Python function name, got 'f()'",
                reject(DatasetKind.HUMANEVAL, ok.replace("\"f\"", "\"f()\"")));
        assertEquals("line 1: missing field 'test'", reject(DatasetKind.HUMANEVAL, ok.replace(",\"test\":\"t\"", "")));
        assertEquals("line 1: field 'canonical_solution': expected a string, got a boolean",
                reject(DatasetKind.HUMANEVAL, ok.replace("}", ",\"canonical_solution\":true}")));
    }

    @Test
    void comparisonsNeedAPromptOrAnHhRlhfDialogue() throws Exception {
        String hh = "{\"chosen\":\"\\n\\nHuman: hi\\n\\nAssistant: hello\",\"rejected\":\"\\n\\nHuman: hi\\n\\nAssistant: go\"}\n";
        assertEquals(hh, store(DatasetKind.COMPARISONS, "c.jsonl", hh));
        assertEquals("{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n",
                store(DatasetKind.COMPARISONS, "c.jsonl", "{\"chosen\":\"a\",\"rejected\":\"b\",\"prompt\":\"p\",\"x\":1}"));
        assertEquals("line 1: field 'chosen': without a 'prompt' field, chosen and rejected must share the dialogue "
                + "up to an 'Assistant:' turn (hh-rlhf format), but they do not",
                reject(DatasetKind.COMPARISONS, "{\"chosen\":\"a\",\"rejected\":\"b\"}"));
        assertEquals("line 1: field 'rejected': expected a string, got an object",
                reject(DatasetKind.COMPARISONS, "{\"chosen\":\"a\",\"rejected\":{},\"prompt\":\"p\"}"));
    }

    @Test
    void nonObjectLinesAreNamed() {
        assertEquals("line 1: expected a JSON object, got an array of 2", reject(DatasetKind.PROMPTS, "[1,2]"));
    }
}
