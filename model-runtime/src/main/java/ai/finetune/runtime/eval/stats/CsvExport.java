package ai.finetune.runtime.eval.stats;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a list of flat result records ({@link WinRate}, {@link ModelRating}, the alignment scores) as CSV: one
 * column per record component, in declaration order, named as the component (the same names as the JSON fields),
 * so the CSV and JSON exports of a chart carry the same numbers under the same names. Numbers are written in full
 * precision; {@code null} becomes an empty cell.
 */
public final class CsvExport {
    private CsvExport() {}

    /** The CSV text of {@code rows}, a header line first; {@code type} gives the header when the list is empty. */
    public static <R extends Record> String toCsv(List<R> rows, Class<R> type) {
        StringWriter out = new StringWriter();
        write(rows, type, out);
        return out.toString();
    }

    /** Writes {@code rows} as CSV, a header line first. */
    public static <R extends Record> void write(List<R> rows, Class<R> type, Appendable out) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> header = new ArrayList<>();
        for (RecordComponent c : components) {
            Class<?> t = c.getType();
            if (!(t.isPrimitive() || Number.class.isAssignableFrom(t) || t == String.class || t == Boolean.class
                    || t.isEnum())) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + " is a " + t.getSimpleName()
                        + ": only records of numbers, strings, booleans and enums flatten to CSV");
            }
            header.add(c.getName());
        }
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(header.toArray(String[]::new)).get());
            for (R row : rows) {
                List<Object> values = new ArrayList<>(components.length);
                for (RecordComponent c : components) {
                    values.add(c.getAccessor().invoke(row));
                }
                printer.printRecord(values);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read a component of " + type.getName(), e);
        }
    }
}
