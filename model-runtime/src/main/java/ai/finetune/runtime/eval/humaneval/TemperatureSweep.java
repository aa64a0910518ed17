package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * pass@k for several k across sampling temperatures, shaped for dashboards: one point per temperature and one
 * series per k (Codex: T = 0.2 is best for pass@1, T = 0.8 for pass@100, fig. 5).
 */
public final class TemperatureSweep {
    /** One temperature's scores; {@code passAtK} lacks any k above its samples per task. */
    public record Point(double temperature, String source, int samples, int tasks, int minSamplesPerTask,
                        Map<String, Double> passAtK) {}

    private final List<Integer> ks;
    private final List<Point> points = new ArrayList<>();

    public TemperatureSweep(List<Integer> ks) {
        this.ks = List.copyOf(ks);
    }

    public void add(double temperature, String source, ScoredSamples scored) {
        PassAtKReport report = scored.passAtK(ks);
        int minN = report.tasks().stream().mapToInt(PassAtKReport.TaskScore::n).min().orElse(0);
        points.add(new Point(temperature, source, scored.samples().size(), report.tasks().size(), minN,
                report.overall()));
        points.sort(Comparator.comparingDouble(Point::temperature));
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    /**
     * {@code {"k": [...], "temperatures": [...], "points": [...], "series": {"pass@1": [[T, v], ...]},
     * "best_temperature": {"pass@1": T, ...}}}; a k no temperature could score is left out of series and best.
     */
    public ObjectNode toJson() {
        ObjectNode node = Jsonl.MAPPER.createObjectNode();
        ArrayNode kArray = node.putArray("k");
        ks.forEach(kArray::add);
        ArrayNode temps = node.putArray("temperatures");
        points.forEach(p -> temps.add(p.temperature()));
        ArrayNode pts = node.putArray("points");
        for (Point p : points) {
            ObjectNode o = pts.addObject();
            o.put("temperature", p.temperature());
            p.passAtK().forEach(o::put);
            o.put("samples", p.samples());
            o.put("tasks", p.tasks());
            o.put("samples_per_task", p.minSamplesPerTask());
            o.put("source", p.source());
        }
        ObjectNode series = node.putObject("series");
        ObjectNode best = node.putObject("best_temperature");
        for (int k : ks) {
            String key = PassAtKReport.key(k);
            ArrayNode s = Jsonl.MAPPER.createArrayNode();
            Point top = null;
            for (Point p : points) {
                Double v = p.passAtK().get(key);
                if (v != null) {
                    s.addArray().add(p.temperature()).add(v);
                    if (top == null || v > top.passAtK().get(key)) {
                        top = p;
                    }
                }
            }
            if (top != null) {
                series.set(key, s);
                best.put(key, top.temperature());
            }
        }
        return node;
    }
}
