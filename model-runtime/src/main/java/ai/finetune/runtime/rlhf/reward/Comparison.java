package ai.finetune.runtime.rlhf.reward;

import java.util.ArrayList;
import java.util.List;

/**
 * One labeler judgement: K responses to one prompt ranked best first in groups; responses in one group are tied.
 * A pairwise chosen/rejected comparison is the case K = 2 with ranking {@code [[0], [1]]}.
 *
 * @param prompt    the prompt text
 * @param responses K >= 2 response texts
 * @param ranking   groups of response indices, best group first; every index 0..K-1 appears exactly once
 */
public record Comparison(String prompt, List<String> responses, int[][] ranking) {
    public Comparison {
        responses = List.copyOf(responses);
        int k = responses.size();
        if (k < 2) {
            throw new IllegalArgumentException("a ranking needs at least 2 responses, got " + k);
        }
        boolean[] seen = new boolean[k];
        int count = 0;
        for (int[] group : ranking) {
            if (group.length == 0) {
                throw new IllegalArgumentException("empty group in ranking");
            }
            for (int i : group) {
                if (i < 0 || i >= k) {
                    throw new IllegalArgumentException("ranking names response " + i + " but there are " + k);
                }
                if (seen[i]) {
                    throw new IllegalArgumentException("ranking names response " + i + " twice");
                }
                seen[i] = true;
                count++;
            }
        }
        if (count != k) {
            throw new IllegalArgumentException("ranking names " + count + " of the " + k + " responses; rank all");
        }
        if (ranking.length < 2) {
            throw new IllegalArgumentException("all " + k + " responses are tied: no comparison to learn from");
        }
    }

    /** A chosen/rejected pair. */
    public static Comparison pair(String prompt, String chosen, String rejected) {
        return new Comparison(prompt, List.of(chosen, rejected), new int[][] {{0}, {1}});
    }

    /**
     * Every (winner, loser) pair of responses in different groups, as {@code {w, l}}; tied responses form no pair.
     * Without ties these are all C(K, 2) pairs.
     */
    public List<int[]> pairs() {
        List<int[]> out = new ArrayList<>();
        for (int g = 0; g < ranking.length; g++) {
            for (int h = g + 1; h < ranking.length; h++) {
                for (int w : ranking[g]) {
                    for (int l : ranking[h]) {
                        out.add(new int[] {w, l});
                    }
                }
            }
        }
        return out;
    }

    /** The responses of the best group (stand-ins for demonstrations when none are given). */
    public int[] best() {
        return ranking[0];
    }
}
