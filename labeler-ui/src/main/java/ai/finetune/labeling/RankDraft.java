package ai.finetune.labeling;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A ranking in progress as the draft text kept with the assignment: the order ({@link RankOrder}'s text, possibly
 * partial), then the scores and the flags given so far, one line each ({@code 12>14=13}, {@code 12:6,14:3},
 * {@code 12:HALLUCINATION+OTHER}). A draft from before scores were kept (the order alone) still reads. Unknown
 * output ids and bad values are dropped rather than refused: a draft is only a convenience, the submission is checked.
 */
public record RankDraft(String order, Map<Long, Integer> scores, Map<Long, Set<MetadataFlag>> flags) {

    public static RankDraft parse(String text) {
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, Set<MetadataFlag>> flags = new HashMap<>();
        if (text == null || text.isBlank()) {
            return new RankDraft(null, scores, flags);
        }
        String[] lines = text.split("\n", -1);
        for (String pair : field(lines, 1).split(",")) {
            String[] kv = pair.split(":");
            if (kv.length == 2) {
                try {
                    int score = Integer.parseInt(kv[1].strip());
                    if (score >= 1 && score <= 7) {
                        scores.put(Long.parseLong(kv[0].strip()), score);
                    }
                } catch (NumberFormatException ignored) {
                    // a damaged entry is left out, the rest of the draft still counts
                }
            }
        }
        for (String pair : field(lines, 2).split(",")) {
            String[] kv = pair.split(":");
            if (kv.length == 2) {
                try {
                    Set<MetadataFlag> set = EnumSet.noneOf(MetadataFlag.class);
                    for (String name : kv[1].split("\\+")) {
                        set.addAll(MetadataFlag.parse(name));
                    }
                    flags.put(Long.parseLong(kv[0].strip()), set);
                } catch (RuntimeException ignored) {
                    // unknown flag name or id: left out
                }
            }
        }
        String order = field(lines, 0).strip();
        return new RankDraft(order.isEmpty() ? null : order, scores, flags);
    }

    public String text() {
        String s = scores.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        String f = flags.entrySet().stream().filter(e -> !e.getValue().isEmpty()).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue().stream().map(Enum::name).collect(Collectors.joining("+")))
                .collect(Collectors.joining(","));
        return (order == null ? "" : order) + "\n" + s + "\n" + f;
    }

    private static String field(String[] lines, int i) {
        return i < lines.length ? lines[i] : "";
    }
}
