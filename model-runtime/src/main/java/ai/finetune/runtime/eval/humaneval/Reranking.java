package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picking one sample per task (Codex, section 3.3): the sample with the highest mean token log-probability,
 * compared with picking at random (pass@1, in expectation) and with an oracle that picks a passing sample whenever
 * there is one (pass@n). Codex-12B: 44.5% by mean log-probability vs 28.8% random and 77.5% oracle (n = 100).
 *
 * @param rankedPassAt1 fraction of tasks whose highest-mean-log-prob sample passed (ties: the first in the file)
 * @param randomPassAt1 mean over tasks of c/n
 * @param oraclePassAtN fraction of tasks with at least one passing sample
 */
public record Reranking(int tasks, int minSamplesPerTask, int maxSamplesPerTask, double rankedPassAt1,
                        double randomPassAt1, double oraclePassAtN) {

    /** @throws IllegalArgumentException naming the first sample (by line) without {@code mean_logprob} */
    public static Reranking of(ScoredSamples scored) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // task -> {n, c, rankedPassed}
        Map<String, Double> best = new LinkedHashMap<>();
        List<Sample> samples = scored.samples();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (!s.hasMeanLogprob()) {
                throw new IllegalArgumentException("sample on line " + s.line() + " (" + s.taskId() + ") has no \""
                        + Samples.MEAN_LOGPROB + "\"; reranking needs it on every sample (humaneval-generate writes it)");
            }
            boolean passed = scored.verdicts().get(i).passed();
            int[] nc = counts.computeIfAbsent(s.taskId(), t -> new int[3]);
            nc[0]++;
            if (passed) {
                nc[1]++;
            }
            Double top = best.get(s.taskId());
            if (top == null || s.meanLogprob() > top) {
                best.put(s.taskId(), s.meanLogprob());
                nc[2] = passed ? 1 : 0;
            }
        }
        double ranked = 0;
        double random = 0;
        double oracle = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int[] nc : counts.values()) {
            ranked += nc[2];
            random += (double) nc[1] / nc[0];
            oracle += nc[1] > 0 ? 1 : 0;
            min = Math.min(min, nc[0]);
            max = Math.max(max, nc[0]);
        }
        int t = counts.size();
        return new Reranking(t, min, max, ranked / t, random / t, oracle / t);
    }

    public ObjectNode toJson() {
        ObjectNode node = Jsonl.MAPPER.createObjectNode();
        node.put("ranked_pass@1", rankedPassAt1);
        node.put("random_pass@1", randomPassAt1);
        node.put("oracle_pass@n", oraclePassAtN);
        node.put("tasks", tasks);
        node.put("min_samples_per_task", minSamplesPerTask);
        node.put("max_samples_per_task", maxSamplesPerTask);
        return node;
    }
}
