package ai.finetune.runtime.eval.alignment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads TruthfulQA.csv: a header row, then columns Type, Category, Question, Best Answer, Correct Answers,
 * Incorrect Answers, Source. Answer lists are separated by semicolons. The 2025 revision adds a Best Incorrect
 * Answer column; it is added to the incorrect answers where that list lacks it (3 of its 790 rows), so every
 * answer the file marks incorrect is a candidate.
 */
public final class TruthfulQaDataset {
    /** The classic 817-question file shipped on the classpath. */
    public static final String RESOURCE = DatasetSource.TRUTHFULQA_DIR + "TruthfulQA.csv";
    static final String BEST_INCORRECT = "Best Incorrect Answer";
    static final List<String> REQUIRED = List.of("Type", "Category", "Question", "Best Answer", "Correct Answers",
            "Incorrect Answers", "Source");

    private TruthfulQaDataset() {}

    /** The shipped dataset. */
    public static List<TruthfulQaQuestion> load() {
        try (InputStream in = TruthfulQaDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static List<TruthfulQaQuestion> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /**
     * Parses the CSV.
     *
     * @param name the file name used in error messages
     * @throws IOException naming the file and line of a missing column, a short row or an empty field
     */
    public static List<TruthfulQaQuestion> read(Reader reader, String name) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<TruthfulQaQuestion> questions = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : REQUIRED) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IOException(name + ": header lacks the column '" + column + "' (has "
                            + parser.getHeaderNames() + ")");
                }
            }
            long line = 2;
            for (CSVRecord row : parser) {
                String where = name + ":" + line + " (question " + (questions.size() + 1) + ")";
                if (!row.isConsistent()) {
                    throw new IOException(where + ": expected " + parser.getHeaderNames().size() + " fields, got "
                            + row.size());
                }
                String question = nonEmpty(row, "Question", where);
                String best = nonEmpty(row, "Best Answer", where);
                List<String> incorrect = new ArrayList<>(split(row.get("Incorrect Answers")));
                if (parser.getHeaderMap().containsKey(BEST_INCORRECT)) {
                    String bestIncorrect = row.get(BEST_INCORRECT).trim();
                    if (!bestIncorrect.isEmpty() && !incorrect.contains(bestIncorrect)) {
                        incorrect.add(0, bestIncorrect);
                    }
                }
                if (incorrect.isEmpty()) {
                    throw new IOException(where + ": no Incorrect Answers");
                }
                questions.add(new TruthfulQaQuestion(line, row.get("Type").trim(), nonEmpty(row, "Category", where),
                        question, best, split(row.get("Correct Answers")), incorrect, row.get("Source").trim()));
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(name + ": malformed CSV: " + e.getMessage(), e);
        }
        if (questions.isEmpty()) {
            throw new IOException(name + ": no questions");
        }
        return questions;
    }

    private static String nonEmpty(CSVRecord row, String column, String where) throws IOException {
        String value = row.get(column).trim();
        if (value.isEmpty()) {
            throw new IOException(where + ": empty '" + column + "'");
        }
        return value;
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
