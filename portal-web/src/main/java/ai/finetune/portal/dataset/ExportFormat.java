package ai.finetune.portal.dataset;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The JSONL shapes a stored dataset can be exported in, one line in, zero or more lines out, so an export is
 * streamed line by line. Each format applies to the kinds it names.
 */
public enum ExportFormat {
    /** The stored, normalised records (what the portal's runs read). */
    JSONL("jsonl", "Stored JSONL", EnumSet.allOf(DatasetKind.class)),
    /** {@code {"prompt", "completion"}} from demonstrations. */
    PROMPT_COMPLETION("prompt-completion", "prompt/completion", EnumSet.of(DatasetKind.DEMONSTRATIONS)),
    /** {@code {"messages": [{"role": "user", ..}, {"role": "assistant", ..}]}} (chat format) from demonstrations. */
    MESSAGES("messages", "messages (chat)", EnumSet.of(DatasetKind.DEMONSTRATIONS)),
    /**
     * {@code {"prompt", "chosen", "rejected"}}: from rankings every pair of completions in different groups
     * (C(K,2) without ties), from comparisons one pair (an hh-rlhf pair without a prompt is split where
     * reward-train splits it: after the shared dialogue's last Assistant turn).
     */
    PROMPT_CHOSEN_REJECTED("prompt-chosen-rejected", "prompt/chosen/rejected",
            EnumSet.of(DatasetKind.RANKINGS, DatasetKind.COMPARISONS));

    private final String id;
    private final String label;
    private final Set<DatasetKind> kinds;

    ExportFormat(String id, String label, Set<DatasetKind> kinds) {
        this.id = id;
        this.label = label;
        this.kinds = kinds;
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public boolean appliesTo(DatasetKind kind) {
        return kinds.contains(kind);
    }

    /** By its id ({@code prompt-completion}, ...); null or unknown: an exception naming the choices. */
    public static ExportFormat of(String id) {
        for (ExportFormat f : values()) {
            if (f.id.equals(id == null ? "" : id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("format must be one of jsonl, prompt-completion, messages, "
                + "prompt-chosen-rejected, not '" + id + "'");
    }

    /** Converts the stored JSONL of {@code kind} read from {@code in}, writing to {@code out}; returns lines written. */
    public long write(DatasetKind kind, BufferedReader in, Writer out) throws IOException {
        if (!appliesTo(kind)) {
            throw new IllegalArgumentException("format " + id + " does not apply to " + kind + " datasets");
        }
        long n = 0;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            if (this == JSONL) {
                out.write(line);
                out.write('\n');
                n++;
                continue;
            }
            JsonObject o;
            try (var reader = Json.createReader(new StringReader(line))) {
                o = reader.readObject();
            }
            n += convert(kind, o, out);
        }
        return n;
    }

    private long convert(DatasetKind kind, JsonObject o, Writer out) throws IOException {
        switch (this) {
            case PROMPT_COMPLETION -> {
                return emit(out, Json.createObjectBuilder().add("prompt", o.getString("prompt"))
                        .add("completion", o.getString("response")).build());
            }
            case MESSAGES -> {
                return emit(out, Json.createObjectBuilder().add("messages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "user").add("content", o.getString("prompt")))
                        .add(Json.createObjectBuilder().add("role", "assistant").add("content", o.getString("response"))))
                        .build());
            }
            default -> {
                return kind == DatasetKind.RANKINGS ? rankingPairs(o, out) : comparisonPair(o, out);
            }
        }
    }

    private static long rankingPairs(JsonObject o, Writer out) throws IOException {
        JsonArray responses = o.getJsonArray("responses");
        long n = 0;
        for (int[] p : Rankings.pairs(Rankings.fromJson(o.getJsonArray("ranking")))) {
            n += pair(out, o.getString("prompt"), responses.getString(p[0]), responses.getString(p[1]));
        }
        return n;
    }

    private static long comparisonPair(JsonObject o, Writer out) throws IOException {
        String chosen = o.getString("chosen");
        String rejected = o.getString("rejected");
        if (o.containsKey("prompt")) {
            return pair(out, o.getString("prompt"), chosen, rejected);
        }
        int end = RecordChecker.sharedDialogue(chosen, rejected);
        return pair(out, chosen.substring(0, end), chosen.substring(end), rejected.substring(end));
    }

    private static long pair(Writer out, String prompt, String chosen, String rejected) throws IOException {
        return emit(out, Json.createObjectBuilder().add("prompt", prompt).add("chosen", chosen)
                .add("rejected", rejected).build());
    }

    private static long emit(Writer out, JsonObject o) throws IOException {
        out.write(o.toString());
        out.write('\n');
        return 1;
    }
}
