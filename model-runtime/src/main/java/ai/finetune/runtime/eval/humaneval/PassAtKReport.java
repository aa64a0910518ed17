package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pass@k per task and overall (the mean over tasks), for the requested k. As in the reference harness, an overall
 * pass@k is reported only when every task has at least k samples; other k are listed as skipped.
 */
public record PassAtKReport(Map<String, Double> overall, List<Integer> skippedK, List<TaskScore> tasks) {

    /** One task: n samples, c of them passed, and pass@k for each requested k <= n. */
    public record TaskScore(String taskId, int n, int c, Map<String, Double> passAtK) {}

    public static String key(int k) {
        return "pass@" + k;
    }

    /** Scores {@code passed} (one flag per sample, aligned with {@code taskIds}), tasks in first-seen order. */
    public static PassAtKReport of(List<String> taskIds, List<Boolean> passed, List<Integer> ks) {
        if (taskIds.size() != passed.size()) {
            throw new IllegalArgumentException("one verdict per sample needed");
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < taskIds.size(); i++) {
            int[] nc = counts.computeIfAbsent(taskIds.get(i), t -> new int[2]);
            nc[0]++;
            if (passed.get(i)) {
                nc[1]++;
            }
        }
        List<TaskScore> tasks = new ArrayList<>();
        int minN = Integer.MAX_VALUE;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int n = e.getValue()[0];
            int c = e.getValue()[1];
            minN = Math.min(minN, n);
            Map<String, Double> perK = new LinkedHashMap<>();
            for (int k : ks) {
                if (k <= n) {
                    perK.put(key(k), PassAtK.estimate(n, c, k));
                }
            }
            tasks.add(new TaskScore(e.getKey(), n, c, perK));
        }
        Map<String, Double> overall = new LinkedHashMap<>();
        List<Integer> skipped = new ArrayList<>();
        for (int k : ks) {
            if (tasks.isEmpty() || k > minN) {
                skipped.add(k);
                continue;
            }
            double sum = 0;
            for (TaskScore t : tasks) {
                sum += t.passAtK().get(key(k));
            }
            overall.put(key(k), sum / tasks.size());
        }
        return new PassAtKReport(overall, skipped, tasks);
    }

    /** {@code {"pass@1": .., ...}} followed by nothing else; callers add their own fields. */
    public void putOverall(ObjectNode node) {
        overall.forEach(node::put);
    }

    /** Per-task entries {@code {"HumanEval/0": {"n": 10, "c": 3, "pass@1": ...}}}. */
    public ObjectNode tasksJson() {
        ObjectNode node = Jsonl.MAPPER.createObjectNode();
        for (TaskScore t : tasks) {
            ObjectNode task = node.putObject(t.taskId());
            task.put("n", t.n());
            task.put("c", t.c());
            t.passAtK().forEach(task::put);
        }
        return node;
    }
}
