package ai.finetune.runtime.eval.alignment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a shipped dataset comes from and under which licence, read from the {@code SOURCE.md} and {@code LICENSE}
 * beside it on the classpath, so the page that shows a result can show the dataset's licence from one place.
 *
 * @param name        e.g. "TruthfulQA"
 * @param licence     the SOURCE.md line starting "Licence:", without that prefix (e.g. "CC-BY-4.0 (...)")
 * @param source      the whole SOURCE.md
 * @param licenceText the whole LICENSE
 */
public record DatasetSource(String name, String licence, String source, String licenceText) {
    public static final String TRUTHFULQA_DIR = "/datasets/truthfulqa/";
    public static final String BBQ_DIR = "/datasets/bbq/";

    public static DatasetSource truthfulQa() {
        return read("TruthfulQA", TRUTHFULQA_DIR);
    }

    public static DatasetSource bbq() {
        return read("BBQ", BBQ_DIR);
    }

    static DatasetSource read(String name, String dir) {
        String source = resource(dir + "SOURCE.md");
        String licence = source.lines().filter(l -> l.startsWith("Licence:")).findFirst()
                .map(l -> l.substring("Licence:".length()).trim())
                .orElseThrow(() -> new IllegalStateException(dir + "SOURCE.md has no 'Licence:' line"));
        return new DatasetSource(name, licence, source, resource(dir + "LICENSE"));
    }

    static String resource(String path) {
        try (InputStream in = DatasetSource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }
}
