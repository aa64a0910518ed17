package ai.finetune.portal.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetPreviewTest {

    @Test
    void firstRecordsAsColumnsWithArraysAsJsonAndLongValuesCut() throws Exception {
        String stored = "{\"prompt\":\"<b>p</b>\",\"responses\":[\"a\",\"b\"],\"ranking\":[[1],[0]]}\n\n"
                + "{\"prompt\":\"" + "x".repeat(500) + "\",\"responses\":[],\"ranking\":[]}\n"
                + "{\"prompt\":\"not read\",\"responses\":[],\"ranking\":[]}\n";
        DatasetPreview p = DatasetPreview.read(new BufferedReader(new StringReader(stored)), 2);
        assertEquals(List.of("prompt", "responses", "ranking"), p.getColumns());
        assertEquals(List.of("<b>p</b>", "[\"a\",\"b\"]", "[[1],[0]]"), p.getRows().get(0)); // the page escapes
        assertEquals("x".repeat(DatasetPreview.MAX_CELL) + " ...", p.getRows().get(1).get(0));
        assertEquals(2, p.getRows().size());
        assertEquals(List.of(0, 1, 2), p.getColumnIndexes());
    }
}
