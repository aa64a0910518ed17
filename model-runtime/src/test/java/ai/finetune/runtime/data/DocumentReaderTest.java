package ai.finetune.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
    @TempDir
    Path dir;

    static List<Document> readAll(DocumentReader reader, Path input, List<String> undecodable) throws IOException {
        List<Document> docs = new ArrayList<>();
        reader.read(input, new DocumentReader.Sink() {
            @Override
            public void document(Document d) {
                docs.add(d);
            }

            @Override
            public void undecodable(String source, long bytes) {
                undecodable.add(source);
            }
        });
        return docs;
    }

    @Test
    void folderIsReadInSortedOrderWithGlobAndExcludes() throws IOException {
        Files.createDirectories(dir.resolve("pkg/sub"));
        Files.createDirectories(dir.resolve("heldout"));
        Files.writeString(dir.resolve("b.py"), "b = 1\n");
        Files.writeString(dir.resolve("a.py"), "a = 1\n");
        Files.writeString(dir.resolve("notes.txt"), "not python");
        Files.writeString(dir.resolve("pkg/sub/c.py"), "c = 1\n");
        Files.writeString(dir.resolve("heldout/d.py"), "d = 1\n");
        Files.write(dir.resolve("pkg/bin.py"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x00});
        List<String> undecodable = new ArrayList<>();
        List<Document> docs = readAll(new DocumentReader("*.py", List.of("heldout/**")), dir, undecodable);
        assertEquals(List.of("a.py", "b.py", "pkg/sub/c.py"), docs.stream().map(Document::source).toList());
        assertEquals("c = 1\n", docs.get(2).text());
        assertEquals(List.of("pkg/bin.py"), undecodable);
    }

    @Test
    void jsonlWithTextAndHhRlhfPairs() throws IOException {
        Path jsonl = dir.resolve("docs.jsonl");
        Files.writeString(jsonl, "{\"text\": \"one\", \"source\": \"s1\"}\n\n{\"text\": \"two\"}\n");
        List<Document> docs = readAll(new DocumentReader("*", List.of()), jsonl, new ArrayList<>());
        assertEquals(List.of(new Document("one", "s1"), new Document("two", "docs.jsonl:3")), docs);

        Path hh = dir.resolve("hh.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(hh))) {
            out.write("{\"chosen\": \"\\n\\nHuman: hi\\n\\nAssistant: hello\", \"rejected\": \"\\n\\nHuman: hi\\n\\nAssistant: go away\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        docs = readAll(new DocumentReader("*", List.of()), hh, new ArrayList<>());
        assertEquals(2, docs.size());
        assertEquals("\n\nHuman: hi\n\nAssistant: go away", docs.get(1).text());
        assertEquals("hh.jsonl.gz:1:rejected", docs.get(1).source());

        // in a folder, JSONL files are documents by line too (a prepared corpus can be read back)
        docs = readAll(new DocumentReader("*.jsonl*", List.of()), dir, new ArrayList<>());
        assertEquals(List.of("s1", "docs.jsonl:3", "hh.jsonl.gz:1:chosen", "hh.jsonl.gz:1:rejected"),
                docs.stream().map(Document::source).toList());
    }

    @Test
    void badInputNamesFileAndLine() throws IOException {
        DocumentReader reader = new DocumentReader("*", List.of());
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"text\": \"ok\"}\n{\"text\": \"unterminated}\n");
        IOException e = assertThrows(IOException.class, () -> readAll(reader, bad, new ArrayList<>()));
        assertTrue(e.getMessage().contains("bad.jsonl: line 2: malformed JSON"), e.getMessage());

        Path noText = dir.resolve("notext.jsonl");
        Files.writeString(noText, "{\"body\": \"x\"}\n");
        e = assertThrows(IOException.class, () -> readAll(reader, noText, new ArrayList<>()));
        assertTrue(e.getMessage().contains("line 1: no 'text' field"), e.getMessage());

        e = assertThrows(NoSuchFileException.class, () -> readAll(reader, dir.resolve("nope"), new ArrayList<>()));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
