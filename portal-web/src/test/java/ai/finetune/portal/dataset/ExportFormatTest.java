package ai.finetune.portal.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Each export format on stored records, against hand-written expected lines. */
class ExportFormatTest {

    static String export(ExportFormat f, DatasetKind kind, String stored) throws Exception {
        StringWriter out = new StringWriter();
        f.write(kind, new BufferedReader(new StringReader(stored)), out);
        return out.toString();
    }

    @Test
    void demonstrationsAsPromptCompletionAndMessages() throws Exception {
        String stored = "{\"prompt\":\"def f():\\n\",\"response\":\"    return 1\\n\"}\n{\"prompt\":\"<b>\",\"response\":\"\\\"q\\\"\"}\n";
        assertEquals("{\"prompt\":\"def f():\\n\",\"completion\":\"    return 1\\n\"}\n"
                + "{\"prompt\":\"<b>\",\"completion\":\"\\\"q\\\"\"}\n",
                export(ExportFormat.PROMPT_COMPLETION, DatasetKind.DEMONSTRATIONS, stored));
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"def f():\\n\"},"
                + "{\"role\":\"assistant\",\"content\":\"    return 1\\n\"}]}\n"
                + "{\"messages\":[{\"role\":\"user\",\"content\":\"<b>\"},{\"role\":\"assistant\",\"content\":\"\\\"q\\\"\"}]}\n",
                export(ExportFormat.MESSAGES, DatasetKind.DEMONSTRATIONS, stored));
    }

    @Test
    void rankingsGiveEveryPairBestFirst() throws Exception {
        // order c > a > d > b: C(4,2) = 6 pairs
        String stored = "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\",\"d\"],\"ranking\":[[2],[0],[3],[1]]}\n";
        assertEquals("""
                {"prompt":"p","chosen":"c","rejected":"a"}
                {"prompt":"p","chosen":"c","rejected":"d"}
                {"prompt":"p","chosen":"c","rejected":"b"}
                {"prompt":"p","chosen":"a","rejected":"d"}
                {"prompt":"p","chosen":"a","rejected":"b"}
                {"prompt":"p","chosen":"d","rejected":"b"}
                """, export(ExportFormat.PROMPT_CHOSEN_REJECTED, DatasetKind.RANKINGS, stored));
    }

    @Test
    void tiedCompletionsFormNoPair() throws Exception {
        String stored = "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\",\"d\"],\"ranking\":[[0,1],[2,3]]}\n";
        assertEquals("""
                {"prompt":"p","chosen":"a","rejected":"c"}
                {"prompt":"p","chosen":"a","rejected":"d"}
                {"prompt":"p","chosen":"b","rejected":"c"}
                {"prompt":"p","chosen":"b","rejected":"d"}
                """, export(ExportFormat.PROMPT_CHOSEN_REJECTED, DatasetKind.RANKINGS, stored));
    }

    @Test
    void comparisonsAsIsAndHhRlhfSplitWhereRewardTrainSplits() throws Exception {
        String stored = "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n"
                + "{\"chosen\":\"\\n\\nHuman: hi\\n\\nAssistant: hello\",\"rejected\":\"\\n\\nHuman: hi\\n\\nAssistant: go\"}\n";
        assertEquals("{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n"
                + "{\"prompt\":\"\\n\\nHuman: hi\\n\\nAssistant:\",\"chosen\":\" hello\",\"rejected\":\" go\"}\n",
                export(ExportFormat.PROMPT_CHOSEN_REJECTED, DatasetKind.COMPARISONS, stored));
    }

    @Test
    void storedJsonlIsPassedThroughAndWrongKindsAreRefused() throws Exception {
        assertEquals("{\"prompt\":\"x\"}\n", export(ExportFormat.JSONL, DatasetKind.PROMPTS, "{\"prompt\":\"x\"}\n"));
        assertEquals("format messages does not apply to RANKINGS datasets", assertThrows(IllegalArgumentException.class,
                () -> export(ExportFormat.MESSAGES, DatasetKind.RANKINGS, "")).getMessage());
        assertEquals(ExportFormat.PROMPT_CHOSEN_REJECTED, ExportFormat.of("prompt-chosen-rejected"));
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.of("csv"));
    }
}
