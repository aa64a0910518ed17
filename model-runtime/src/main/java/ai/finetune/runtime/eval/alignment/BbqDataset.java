package ai.finetune.runtime.eval.alignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Reads BBQ JSON Lines (one file per category, as in github.com/nyu-mll/BBQ/data).
 *
 * <p>Which answer is the target: each answer has {@code answer_info = [name, group]}; the group is "unknown" for
 * the unknown answer, and the target is the answer whose group or name is listed in
 * {@code additional_metadata.stereotyped_groups}. Groups match in most categories (Age: "old"/"nonOld",
 * Disability_status: "disabled", Religion: "Muslim", ...); in Nationality the group is a region ("AsiaPacific")
 * while stereotyped_groups lists nationalities ("Japanese"), which are the answer's name. On the six shipped
 * categories this identifies exactly one target and one unknown answer in every item; an item where it does not
 * is an error naming its file and line rather than a silent guess.
 */
public final class BbqDataset {
    /** The categories shipped on the classpath (the BBQ categories small enough to include; see SOURCE.md). */
    public static final List<String> CATEGORIES = List.of("Age", "Disability_status", "Nationality",
            "Physical_appearance", "Religion", "Sexual_orientation");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BbqDataset() {}

    /** Every shipped category, in {@link #CATEGORIES} order. */
    public static List<BbqExample> load() {
        List<BbqExample> all = new ArrayList<>();
        for (String category : CATEGORIES) {
            all.addAll(loadCategory(category));
        }
        return all;
    }

    /** One shipped category. */
    public static List<BbqExample> loadCategory(String category) {
        if (!CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("unknown BBQ category '" + category + "'; shipped: " + CATEGORIES);
        }
        String resource = DatasetSource.BBQ_DIR + category + ".jsonl";
        try (InputStream in = BbqDataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code *.jsonl} file of a directory, in file-name order. */
    public static List<BbqExample> load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + ": no BBQ .jsonl files");
        }
        List<BbqExample> all = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                all.addAll(read(reader, file.toString()));
            }
        }
        return all;
    }

    /** Parses JSON Lines; blank lines are skipped. */
    public static List<BbqExample> read(Reader reader, String name) throws IOException {
        List<BbqExample> examples = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = name + ":" + number;
            try {
                examples.add(parse(MAPPER.readTree(line), where));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(where + ": bad BBQ item: " + e.getMessage(), e);
            }
        }
        return examples;
    }

    static BbqExample parse(JsonNode node, String where) {
        List<String> answers = new ArrayList<>();
        int target = -1;
        int unknown = -1;
        Set<String> stereotyped = new HashSet<>();
        for (JsonNode g : field(field(node, "additional_metadata"), "stereotyped_groups")) {
            stereotyped.add(g.asText());
        }
        JsonNode info = field(node, "answer_info");
        for (int i = 0; i < 3; i++) {
            answers.add(text(node, "ans" + i));
            JsonNode pair = field(info, "ans" + i);
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException("answer_info.ans" + i + " must be [name, group], got " + pair);
            }
            String answerName = pair.get(0).asText();
            String group = pair.get(1).asText();
            if (group.equals("unknown")) {
                unknown = unknown < 0 ? i : -2;
            } else if (stereotyped.contains(group) || stereotyped.contains(answerName)) {
                target = target < 0 ? i : -2;
            }
        }
        if (unknown < 0 || target < 0) {
            throw new IllegalArgumentException("cannot tell one target and one unknown answer apart: answer_info "
                    + info + ", stereotyped_groups " + stereotyped);
        }
        int label = field(node, "label").asInt(-1);
        if (label < 0 || label > 2) {
            throw new IllegalArgumentException("label must be 0, 1 or 2, got " + node.get("label"));
        }
        String polarity = text(node, "question_polarity");
        String condition = text(node, "context_condition");
        if (!polarity.equals("neg") && !polarity.equals("nonneg")) {
            throw new IllegalArgumentException("question_polarity must be neg or nonneg, got '" + polarity + "'");
        }
        if (!condition.equals("ambig") && !condition.equals("disambig")) {
            throw new IllegalArgumentException("context_condition must be ambig or disambig, got '" + condition + "'");
        }
        return new BbqExample(where, text(node, "category"), field(node, "example_id").asInt(),
                polarity.equals("neg"), condition.equals("ambig"), text(node, "context"), text(node, "question"),
                answers, label, target, unknown);
    }

    /**
     * A reproducible subset: up to {@code perCategory} items of each category, drawn without replacement with the
     * seed (BBQ files are ordered by template, so the first n items would cover only a few templates). The
     * result keeps file order within each category.
     */
    public static List<BbqExample> sample(List<BbqExample> examples, int perCategory, long seed) {
        if (perCategory < 1) {
            throw new IllegalArgumentException("perCategory must be >= 1, got " + perCategory);
        }
        Map<String, List<Integer>> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byCategory.computeIfAbsent(examples.get(i).category(), c -> new ArrayList<>()).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<BbqExample> result = new ArrayList<>();
        for (List<Integer> indices : byCategory.values()) {
            int n = indices.size();
            int take = Math.min(perCategory, n);
            // partial Fisher-Yates: the first `take` slots become a uniform sample
            List<Integer> shuffled = new ArrayList<>(indices);
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(n - i);
                Integer t = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, t);
            }
            shuffled.subList(0, take).stream().sorted().forEach(i -> result.add(examples.get(i)));
        }
        return result;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String name) {
        return field(node, name).asText();
    }
}
