package ai.finetune.portal.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatasetValidatorTest {

    static String demos(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("{\"prompt\":\"p").append(i).append("\",\"response\":\"r").append(i).append("\"}\n");
        }
        return b.toString();
    }

    static String reject(DatasetKind kind, String file, String content, long max) {
        return assertThrows(DatasetException.class, () -> new DatasetValidator(kind, max).validate(file,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), new StringWriter())).getMessage();
    }

    @Test
    void validJsonlIsNormalised() throws Exception {
        StringWriter out = new StringWriter();
        long n = new DatasetValidator(DatasetKind.DEMONSTRATIONS, 1 << 20).validate("d.jsonl",
                new ByteArrayInputStream(("{\"prompt\":\"a\",\"completion\":\"b\",\"extra\":1}\n\n" + demos(2))
                        .getBytes(StandardCharsets.UTF_8)), out);
        assertEquals(3, n);
        assertEquals("{\"prompt\":\"a\",\"response\":\"b\"}", out.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void malformedJsonOnLine37IsNamed() {
        String m = reject(DatasetKind.DEMONSTRATIONS, "d.jsonl", demos(36) + "{\"prompt\": \"x\", \n" + demos(3),
                1 << 20);
        assertEquals(true, m.startsWith("line 37: malformed JSON"), m);
    }

    @Test
    void missingFieldAndWrongTypeAreNamedWithTheirLine() {
        assertEquals("line 3: missing field 'response'",
                reject(DatasetKind.DEMONSTRATIONS, "d.jsonl", demos(2) + "{\"prompt\":\"p\"}\n", 1 << 20));
        assertEquals("line 2: field 'prompt': expected a string, got a number",
                reject(DatasetKind.DEMONSTRATIONS, "d.jsonl", demos(1) + "{\"prompt\":5,\"response\":\"r\"}\n", 1 << 20));
    }

    @Test
    void aFileOverTheLimitIsRejected() {
        String m = reject(DatasetKind.DEMONSTRATIONS, "d.jsonl", demos(1000), 1000);
        assertEquals(true, m.contains("larger than the upload limit of 1000 bytes"), m);
    }

    @Test
    void csvChecksItsHeaderAndNamesTheLine() throws Exception {
        assertEquals("line 1 (header): missing column 'rejected'",
                reject(DatasetKind.COMPARISONS, "c.csv", "chosen,other\na,b\n", 1 << 20));
        assertEquals("line 3: field 'prompt': is empty",
                reject(DatasetKind.PROMPTS, "p.csv", "prompt\nhello\n\"\"\n", 1 << 20));
        StringWriter out = new StringWriter();
        assertEquals(2, new DatasetValidator(DatasetKind.PROMPTS, 1 << 20).validate("p.csv",
                new ByteArrayInputStream("prompt\n\"a, with comma\"\nb\n".getBytes(StandardCharsets.UTF_8)), out));
        assertEquals("{\"prompt\":\"a, with comma\"}", out.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void anEmptyFileIsRejected() {
        assertEquals("the file holds no records", reject(DatasetKind.CODE, "c.jsonl", "\n\n", 100));
    }

    @Test
    void invalidUtf8IsReportedOnItsLine() {
        byte[] bad = (demos(2) + "{\"prompt\":\"\u00e9\",\"response\":\"x\"}\n").getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bad, bad.length);
        int at = new String(bad, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        broken[at + 1] = (byte) 'x'; // a lone UTF-8 lead byte
        DatasetException e = assertThrows(DatasetException.class, () -> new DatasetValidator(
                DatasetKind.DEMONSTRATIONS, 1 << 20).validate("d.jsonl", new ByteArrayInputStream(broken),
                new StringWriter()));
        assertEquals("line 3: not valid UTF-8 text", e.getMessage());
    }

    @Test
    void csvRecordsSpanningLinesAreNamedByTheirFirstLine() {
        assertEquals("line 4: field 'response': is empty",
                reject(DatasetKind.DEMONSTRATIONS, "d.csv", "prompt,response\n\"a\nb\",c\n\"d\",\"\"", 1 << 20));
    }
}
