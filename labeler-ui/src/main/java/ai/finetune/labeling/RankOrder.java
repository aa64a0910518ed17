package ai.finetune.labeling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A labeler's ordering of an item's outputs, best first, as groups of tied outputs. Written as text it is
 * output ids separated by {@code >} (better than) and {@code =} (tied), e.g. {@code "12>14=15>13"}.
 * The reward model takes every pair with a strict preference: C(K,2) pairs when nothing is tied.
 */
public record RankOrder(List<List<Long>> groups) {

    /** One pair of a ranking: {@code chosen} was ranked above {@code rejected}. */
    public record Pair(long chosen, long rejected) {
    }

    public RankOrder {
        groups = groups.stream().map(List::copyOf).toList();
    }

    public static RankOrder parse(String text) {
        if (text == null || text.isBlank()) {
            throw new LabelingException("the ranking is empty: order the outputs before saving");
        }
        List<List<Long>> groups = new ArrayList<>();
        for (String group : text.split(">")) {
            List<Long> ids = new ArrayList<>();
            for (String id : group.split("=")) {
                try {
                    ids.add(Long.parseLong(id.trim()));
                } catch (NumberFormatException e) {
                    throw new LabelingException("the ranking '" + text + "' has '" + id.trim()
                            + "' where an output id belongs (write ids joined by '>' and '=')");
                }
            }
            groups.add(ids);
        }
        return new RankOrder(groups);
    }

    /** Builds the order from dense ranks (1 = best, ties share a rank). */
    public static RankOrder fromRanks(Map<Long, Integer> ranks) {
        Map<Integer, List<Long>> byRank = new java.util.TreeMap<>();
        ranks.forEach((id, rank) -> byRank.computeIfAbsent(rank, r -> new ArrayList<>()).add(id));
        byRank.values().forEach(java.util.Collections::sort);
        return new RankOrder(new ArrayList<>(byRank.values()));
    }

    /** Checks that every one of the item's outputs appears exactly once. */
    public void requireCovers(Collection<Long> outputIds) {
        Set<Long> seen = new HashSet<>();
        for (List<Long> g : groups) {
            for (Long id : g) {
                if (!outputIds.contains(id)) {
                    throw new LabelingException("output " + id + " is not one of this item's outputs " + outputIds);
                }
                if (!seen.add(id)) {
                    throw new LabelingException("output " + id + " appears twice in the ranking");
                }
            }
        }
        if (seen.size() != outputIds.size()) {
            Set<Long> missing = new HashSet<>(outputIds);
            missing.removeAll(seen);
            throw new LabelingException("the ranking leaves out output(s) " + missing + ": rank every output");
        }
    }

    /** Dense ranks: 1 for the best group, 2 for the next, ... */
    public Map<Long, Integer> ranks() {
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            for (Long id : groups.get(i)) {
                ranks.put(id, i + 1);
            }
        }
        return ranks;
    }

    /** All strictly ordered pairs, best outputs first. */
    public List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                for (Long better : groups.get(i)) {
                    for (Long worse : groups.get(j)) {
                        pairs.add(new Pair(better, worse));
                    }
                }
            }
        }
        return pairs;
    }

    public int size() {
        return groups.stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (List<Long> g : groups) {
            if (!s.isEmpty()) {
                s.append('>');
            }
            for (int i = 0; i < g.size(); i++) {
                s.append(i == 0 ? "" : "=").append(g.get(i));
            }
        }
        return s.toString();
    }
}
