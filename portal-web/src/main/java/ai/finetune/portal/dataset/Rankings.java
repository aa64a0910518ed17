package ai.finetune.portal.dataset;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order of a K-way ranking as groups of completion indices, best group first, ties within a group: the
 * {@code ranking} that model-runtime's reward-train reads. Accepted spellings:
 * <ul>
 * <li>{@code "ranking": [2, 0, 3, 1]} a permutation of 0..K-1, best first (no ties);</li>
 * <li>{@code "ranking": [[2], [0, 3], [1]]} groups, ties within a group (reward-train's own form);</li>
 * <li>{@code "ranks": [2, 1, 2, 3]} one rank per completion, 1 = best, equal ranks tied (labeler-ui's
 * RankingExport K-way lines).</li>
 * </ul>
 */
final class Rankings {
    private Rankings() {
    }

    static int[][] parse(JsonObject o, int k, long line) throws DatasetException {
        if (RecordChecker.present(o, "ranking")) {
            return fromRanking(o.get("ranking"), k, line);
        }
        if (RecordChecker.present(o, "ranks")) {
            return fromRanks(o.get("ranks"), k, line);
        }
        throw new DatasetException("line " + line + ": missing field 'ranking' (a permutation of 0.." + (k - 1)
                + ", best first, or groups of tied indices; labeler exports may give 'ranks' instead)");
    }

    private static int[][] fromRanking(JsonValue v, int k, long line) throws DatasetException {
        String expected = "expected a permutation of 0.." + (k - 1) + " (best first) or groups of tied indices";
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new DatasetException(RecordChecker.at(line, "ranking") + expected + ", got "
                    + RecordChecker.describe(v));
        }
        JsonArray a = v.asJsonArray();
        List<int[]> groups = new ArrayList<>();
        for (int g = 0; g < a.size(); g++) {
            JsonValue x = a.get(g);
            if (x.getValueType() == JsonValue.ValueType.ARRAY) {
                JsonArray group = x.asJsonArray();
                int[] members = new int[group.size()];
                for (int j = 0; j < group.size(); j++) {
                    members[j] = index(group.get(j), k, line, expected);
                }
                if (members.length == 0) {
                    throw new DatasetException(RecordChecker.at(line, "ranking") + "group " + g + " is empty");
                }
                groups.add(members);
            } else {
                groups.add(new int[] {index(x, k, line, expected)});
            }
        }
        int[][] result = groups.toArray(int[][]::new);
        requireCovers(result, k, line, "ranking");
        return result;
    }

    private static int[][] fromRanks(JsonValue v, int k, long line) throws DatasetException {
        String expected = "expected an array of " + k + " integers (one rank per completion, 1 = best)";
        if (v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().size() != k) {
            throw new DatasetException(RecordChecker.at(line, "ranks") + expected + ", got "
                    + RecordChecker.describe(v));
        }
        Map<Integer, List<Integer>> byRank = new TreeMap<>();
        JsonArray a = v.asJsonArray();
        for (int i = 0; i < k; i++) {
            if (!isInt(a.get(i))) {
                throw new DatasetException(RecordChecker.at(line, "ranks") + expected + ", but item " + i + " is "
                        + RecordChecker.describe(a.get(i)));
            }
            byRank.computeIfAbsent(((JsonNumber) a.get(i)).intValue(), r -> new ArrayList<>()).add(i);
        }
        int[][] groups = byRank.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        requireCovers(groups, k, line, "ranks");
        return groups;
    }

    private static int index(JsonValue x, int k, long line, String expected) throws DatasetException {
        if (!isInt(x)) {
            throw new DatasetException(RecordChecker.at(line, "ranking") + expected + ", but it holds "
                    + RecordChecker.describe(x));
        }
        int i = ((JsonNumber) x).intValue();
        if (i < 0 || i >= k) {
            throw new DatasetException(RecordChecker.at(line, "ranking") + "index " + i + " is outside 0.." + (k - 1)
                    + " (there are " + k + " completions)");
        }
        return i;
    }

    private static boolean isInt(JsonValue x) {
        return x.getValueType() == JsonValue.ValueType.NUMBER && ((JsonNumber) x).isIntegral();
    }

    /** Every completion exactly once, and at least two groups (all tied: nothing for a reward model to learn). */
    private static void requireCovers(int[][] groups, int k, long line, String field) throws DatasetException {
        boolean[] seen = new boolean[k];
        for (int[] g : groups) {
            for (int i : g) {
                if (seen[i]) {
                    throw new DatasetException(RecordChecker.at(line, field) + "completion " + i + " appears twice");
                }
                seen[i] = true;
            }
        }
        for (int i = 0; i < k; i++) {
            if (!seen[i]) {
                throw new DatasetException(RecordChecker.at(line, field) + "completion " + i + " is not ranked");
            }
        }
        if (groups.length < 2) {
            throw new DatasetException(RecordChecker.at(line, field) + "all " + k
                    + " completions are tied: no preference to learn from");
        }
    }

    static JsonArray toJson(int[][] groups) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (int[] g : groups) {
            JsonArrayBuilder members = Json.createArrayBuilder();
            for (int i : g) {
                members.add(i);
            }
            b.add(members);
        }
        return b.build();
    }

    static int[][] fromJson(JsonArray ranking) {
        int[][] groups = new int[ranking.size()][];
        for (int g = 0; g < groups.length; g++) {
            JsonArray members = ranking.getJsonArray(g);
            groups[g] = members.getValuesAs(JsonNumber.class).stream().mapToInt(JsonNumber::intValue).toArray();
        }
        return groups;
    }

    /** (winner, loser) for every two completions in different groups, better group first: C(K,2) without ties. */
    static List<int[]> pairs(int[][] groups) {
        List<int[]> out = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            for (int h = g + 1; h < groups.length; h++) {
                for (int w : groups[g]) {
                    for (int l : groups[h]) {
                        out.add(new int[] {w, l});
                    }
                }
            }
        }
        return out;
    }
}
