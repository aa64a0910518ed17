package ai.finetune.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-labeler agreement on items that several labelers judged (the overlap items), as InstructGPT reports it:
 * the share of comparisons on which two labelers agree. A ranking of K outputs gives C(K,2) comparisons (each pair
 * of outputs: better, worse or tied); an A/B judgement gives one (its verdict). Every pair of labelers that judged
 * the same item is compared; the overall figure weights every comparison equally, and a labeler's own figure
 * counts the comparisons with all their partners.
 */
public final class Agreement {

    /** InstructGPT's inter-labeler agreement among training labelers (72.6 +/- 1.5%), shown for reference. */
    public static final double INSTRUCTGPT_REFERENCE = 0.726;

    private Agreement() {
    }

    /**
     * One labeler's judgement of one item, reduced to one code per comparison in a fixed order: for rankings
     * the sign of rank(a) - rank(b) for each pair a < b of output ids; for A/B the verdict's ordinal.
     */
    public record Judgement(long itemId, String labeler, List<Integer> codes) {

        public static Judgement ofRanks(long itemId, String labeler, Map<Long, Integer> ranks) {
            List<Long> ids = new ArrayList<>(new TreeSet<>(ranks.keySet()));
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    codes.add(Integer.signum(ranks.get(ids.get(i)) - ranks.get(ids.get(j))));
                }
            }
            return new Judgement(itemId, labeler, codes);
        }

        public static Judgement ofVerdict(long itemId, String labeler, Verdict verdict) {
            return new Judgement(itemId, labeler, List.of(verdict.ordinal()));
        }
    }

    /** Agreed comparisons out of all. */
    public record Tally(long agreed, long total) {
        public static final Tally NONE = new Tally(0, 0);

        public Tally plus(Tally other) {
            return new Tally(agreed + other.agreed, total + other.total);
        }

        /** The share agreed, or NaN when nothing was compared. */
        public double rate() {
            return total == 0 ? Double.NaN : (double) agreed / total;
        }

        public long getAgreed() { return agreed; }
        public long getTotal() { return total; }
        public double getRate() { return rate(); }
    }

    public record Report(Tally overall, Map<String, Tally> perLabeler, int itemsCompared) {
    }

    /** Compares two judgements of the same item. */
    public static Tally compare(Judgement a, Judgement b) {
        if (a.itemId() != b.itemId()) {
            throw new IllegalArgumentException("judgements of different items " + a.itemId() + " and " + b.itemId());
        }
        if (a.codes().size() != b.codes().size()) {
            throw new IllegalArgumentException("item " + a.itemId() + " was judged over different outputs by "
                    + a.labeler() + " and " + b.labeler());
        }
        long agreed = 0;
        for (int i = 0; i < a.codes().size(); i++) {
            if (a.codes().get(i).equals(b.codes().get(i))) {
                agreed++;
            }
        }
        return new Tally(agreed, a.codes().size());
    }

    public static Report report(List<Judgement> judgements) {
        Map<Long, List<Judgement>> byItem = new TreeMap<>();
        for (Judgement j : judgements) {
            byItem.computeIfAbsent(j.itemId(), k -> new ArrayList<>()).add(j);
        }
        Tally overall = Tally.NONE;
        Map<String, Tally> perLabeler = new TreeMap<>();
        int items = 0;
        for (List<Judgement> js : byItem.values()) {
            if (js.size() < 2) {
                continue;
            }
            items++;
            for (int i = 0; i < js.size(); i++) {
                for (int k = i + 1; k < js.size(); k++) {
                    Tally t = compare(js.get(i), js.get(k));
                    overall = overall.plus(t);
                    perLabeler.merge(js.get(i).labeler(), t, Tally::plus);
                    perLabeler.merge(js.get(k).labeler(), t, Tally::plus);
                }
            }
        }
        return new Report(overall, perLabeler, items);
    }
}
