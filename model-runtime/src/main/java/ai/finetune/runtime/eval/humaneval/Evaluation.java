package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores samples against problems: runs every sample's program in the sandbox, then computes pass@k. The results
 * file is the reference harness's ({@code <samples>_results.jsonl}: each sample as read plus {@code result} and
 * {@code passed}, in input order); the summary adds per-task pass@k and run figures.
 */
public final class Evaluation {
    private final List<Sample> samples;
    private final List<Verdict> verdicts;
    private final PassAtKReport report;
    private final double seconds;
    private final int workers;
    private final String sandbox;
    private final long survivorsKilled;
    private final long containerRestarts;

    private Evaluation(List<Sample> samples, List<Verdict> verdicts, PassAtKReport report, double seconds, int workers,
                       String sandbox, long survivorsKilled, long containerRestarts) {
        this.samples = samples;
        this.verdicts = verdicts;
        this.report = report;
        this.seconds = seconds;
        this.workers = workers;
        this.sandbox = sandbox;
        this.survivorsKilled = survivorsKilled;
        this.containerRestarts = containerRestarts;
    }

    /**
     * Evaluates {@code samples}.
     *
     * @param requireComplete if true (the reference's default), every problem must have at least one sample
     * @param progress where progress lines go (stderr), or null for none
     */
    public static Evaluation run(Problems problems, List<Sample> samples, Sandbox sandbox, int workers,
                                 List<Integer> ks, boolean requireComplete, PrintStream progress)
            throws IOException, InterruptedException {
        if (requireComplete) {
            Set<String> attempted = new LinkedHashSet<>();
            samples.forEach(s -> attempted.add(s.taskId()));
            List<String> missing = new ArrayList<>();
            for (Problem p : problems.all()) {
                if (!attempted.contains(p.taskId())) {
                    missing.add(p.taskId());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("samples attempt " + attempted.size() + " of " + problems.size()
                        + " problems (missing e.g. " + missing.subList(0, Math.min(3, missing.size())) + "); "
                        + "give samples for all of them or allow this with --ignoreIncomplete=true");
            }
        }
        List<String> programs = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            programs.add(problems.get(s.taskId()).program(s.completion()));
        }
        SampleExecutor.Listener listener = progress == null ? (i, v) -> { }
                : new Progress("humaneval", samples.size(), progress);
        long start = System.nanoTime();
        SampleExecutor.Run run = new SampleExecutor(sandbox, workers).run(programs, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Evaluation(samples, run.verdicts(), score(samples, run.verdicts(), ks), seconds, workers,
                sandbox.description(), run.survivorsKilled(), run.containerRestarts());
    }

    static PassAtKReport score(List<Sample> samples, List<Verdict> verdicts, List<Integer> ks) {
        List<String> ids = new ArrayList<>(samples.size());
        List<Boolean> passed = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            ids.add(samples.get(i).taskId());
            passed.add(verdicts.get(i).passed());
        }
        return PassAtKReport.of(ids, passed, ks);
    }

    public List<Sample> samples() {
        return samples;
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    public PassAtKReport report() {
        return report;
    }

    public double seconds() {
        return seconds;
    }

    public double samplesPerSecond() {
        return samples.size() / Math.max(seconds, 1e-9);
    }

    /** The reference's results file name for a samples file: {@code <samples>_results.jsonl}. */
    public static Path resultsPath(Path samplesFile) {
        return samplesFile.resolveSibling(samplesFile.getFileName() + "_results.jsonl");
    }

    public static Path summaryPath(Path samplesFile) {
        return samplesFile.resolveSibling(samplesFile.getFileName() + "_summary.json");
    }

    /** Writes each sample as read plus {@code result} and {@code passed}, atomically. */
    public void writeResults(Path target) throws IOException {
        List<ObjectNode> records = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            ObjectNode r = samples.get(i).record().deepCopy();
            r.put("result", verdicts.get(i).result());
            r.put("passed", verdicts.get(i).passed());
            records.add(r);
        }
        Jsonl.writeAtomically(target, records);
    }

    /** Writes a JSON document (the summary; humaneval-sweep's sweep file) pretty-printed and atomically. */
    public static void writeSummary(Path target, ObjectNode document) throws IOException {
        Jsonl.writeJsonAtomically(target, document);
    }

    /** Overall figures: pass@k first (the keys dashboards read), then counts and run facts. */
    public ObjectNode summary() {
        ObjectNode node = Jsonl.MAPPER.createObjectNode();
        report.putOverall(node);
        if (!report.skippedK().isEmpty()) {
            ArrayNode skipped = node.putArray("skipped_k");
            report.skippedK().forEach(skipped::add);
        }
        node.put("tasks", report.tasks().size());
        node.put("samples", samples.size());
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            categories.merge(v.category(), 1, Integer::sum);
        }
        ObjectNode counts = node.putObject("results");
        categories.forEach(counts::put);
        node.put("workers", workers);
        node.put("seconds", Math.round(seconds * 1000) / 1000.0);
        node.put("samples_per_s", Math.round(samplesPerSecond() * 10) / 10.0);
        node.put("sandbox", sandbox);
        node.put("leftover_processes_killed", survivorsKilled);
        node.put("sandbox_restarts", containerRestarts);
        return node;
    }

    /** The summary plus per-task scores, for the summary file. */
    public ObjectNode summaryWithTasks() {
        ObjectNode node = summary();
        node.set("per_task", report.tasksJson());
        return node;
    }
}
