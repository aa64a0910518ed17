package ai.finetune.portal.dashboard;

import ai.finetune.runtime.eval.stats.WinRates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The licences of the bundled evaluation datasets, read from model-runtime's resources
 * ({@code datasets/<name>/LICENSE} and {@code SOURCE.md}), so the page shows exactly what ships.
 */
public final class DatasetLicences {

    /** @param licence the SPDX-style name from SOURCE.md's "Licence:" line; {@code text} the full LICENSE file */
    public record DatasetLicence(String dataset, String folder, String licence, String origin, String text) {}

    static final Map<String, String> DATASETS = Map.of("TruthfulQA", "truthfulqa", "BBQ", "bbq", "HumanEval", "humaneval");
    private static final Pattern LICENCE = Pattern.compile("(?m)^Licence:\\s*([A-Za-z0-9.\\-]+)");
    private static final Pattern ORIGIN = Pattern.compile("(?m)^Origin:\\s*(.+)$");

    private DatasetLicences() {}

    public static DatasetLicence of(String dataset) {
        String folder = DATASETS.get(dataset);
        if (folder == null) {
            throw new IllegalArgumentException("unknown dataset " + dataset);
        }
        String source = read("datasets/" + folder + "/SOURCE.md");
        String text = read("datasets/" + folder + "/LICENSE");
        return new DatasetLicence(dataset, folder, group(LICENCE, source, "unknown (no Licence line in SOURCE.md)"),
                group(ORIGIN, source, ""), text.strip());
    }

    /** Dataset name -> licence name, for the JSON export. */
    public static Map<String, String> names(List<String> datasets) {
        return datasets.stream().collect(Collectors.toMap(d -> d, d -> of(d).licence(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static String group(Pattern p, String text, String dflt) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1).strip() : dflt;
    }

    private static String read(String resource) {
        // model-runtime's class loader: the datasets ship inside its jar (WEB-INF/lib in the WAR)
        try (InputStream in = WinRates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (model-runtime's resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
