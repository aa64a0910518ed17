package ai.finetune.portal.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart} (its {@code value} is the Chart.js config as JSON), built
 * with JSON-P so labels (model names come from users) are JSON-escaped, never pasted into script. Intervals are
 * drawn as floating bars ({@code [low, high]}), which Chart.js supports without an error-bar plugin.
 */
final class ChartJs {
    private static final String[] PALETTE = {"#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#14b8a6",
        "#ec4899", "#64748b", "#84cc16", "#f97316"};

    private final String type;
    private final JsonArrayBuilder labels = Json.createArrayBuilder();
    private final JsonArrayBuilder datasets = Json.createArrayBuilder();
    private final JsonObjectBuilder scales = Json.createObjectBuilder();
    private int count;
    private Integer nextColour;
    private String lastColour;
    private boolean referenceAxis;
    private boolean xAxis;

    private ChartJs(String type) {
        this.type = type;
    }

    static ChartJs bar(List<String> categoryLabels) {
        ChartJs c = new ChartJs("bar");
        categoryLabels.forEach(c.labels::add);
        return c;
    }

    /** A chart with a linear x axis: points are {x, y}. */
    static ChartJs scatter() {
        return new ChartJs("scatter");
    }

    static String paletteColour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** The palette index of the next dataset (pairs an estimate with its interval); otherwise datasets take turns. */
    ChartJs colour(int paletteIndex) {
        nextColour = paletteIndex;
        return this;
    }

    /** Bars of values (null leaves a gap). */
    ChartJs bars(String label, List<Double> values) {
        return add(dataset(label, "bar", count).add("data", numbers(values)));
    }

    /** Floating bars from low to high: 95% intervals. */
    ChartJs ranges(String label, List<double[]> lowHigh) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (double[] r : lowHigh) {
            data.add(r == null ? Json.createArrayBuilder().addNull() : Json.createArrayBuilder().add(r[0]).add(r[1]));
        }
        JsonObjectBuilder d = dataset(label, "bar", count);
        // lighter than an estimate in the same colour, so the pair reads as "value" and "its interval"
        return add(d.add("data", data).add("barPercentage", 0.5).add("backgroundColor", lastColour + "59"));
    }

    /**
     * A dashed horizontal line at {@code value} across the whole chart (50%, chance). Drawn on a hidden linear x axis
     * from 0 to 1: on the category axis a line would only join the first and last category centres.
     */
    ChartJs reference(String label, double value) {
        referenceAxis = true;
        return add(dataset(label, "line", count).add("xAxisID", "xReference")
                .add("data", Json.createArrayBuilder().add(Json.createObjectBuilder().add("x", 0).add("y", value))
                        .add(Json.createObjectBuilder().add("x", 1).add("y", value)))
                .add("pointRadius", 0).add("borderWidth", 2)
                .add("borderDash", Json.createArrayBuilder().add(6).add(4)).add("borderColor", "#475569")
                .add("backgroundColor", "#475569"));
    }

    /** A line through {x, y} points (scatter charts). */
    ChartJs xy(String label, List<double[]> points, boolean line) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (double[] p : points) {
            data.add(Json.createObjectBuilder().add("x", p[0]).add("y", p[1]));
        }
        return add(dataset(label, "scatter", count).add("data", data).add("showLine", line));
    }

    ChartJs axis(String axis, String title, Double min, Double max) {
        return axis(axis, title, min, max, false);
    }

    /** @param integers ticks at whole numbers only (iterations) */
    ChartJs axis(String axis, String title, Double min, Double max, boolean integers) {
        JsonObjectBuilder a = Json.createObjectBuilder()
                .add("title", Json.createObjectBuilder().add("display", true).add("text", title));
        xAxis |= axis.equals("x");
        if (integers) {
            a.add("ticks", Json.createObjectBuilder().add("precision", 0));
        }
        if (min != null) {
            a.add("min", min);
        }
        if (max != null) {
            a.add("max", max);
        }
        scales.add(axis, a);
        return this;
    }

    String json() {
        if (referenceAxis) {
            // "axis": Chart.js otherwise guesses the direction from the id's first letter
            scales.add("xReference", Json.createObjectBuilder().add("type", "linear").add("axis", "x").add("display", false)
                    .add("min", 0).add("max", 1));
        }
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", Json.createObjectBuilder().add("legend",
                        Json.createObjectBuilder().add("position", "bottom")))
                .add("scales", scales);
        String json = Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
        // p:chart writes the config into a <script> as a JavaScript literal: a model name containing "</script>"
        // must not end it. '<', '>' and '&' only occur inside JSON strings, where a unicode escape means the same text.
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private ChartJs add(JsonObjectBuilder dataset) {
        datasets.add(dataset);
        count++;
        return this;
    }

    private JsonObjectBuilder dataset(String label, String type, int index) {
        String c = paletteColour(nextColour == null ? index : nextColour);
        nextColour = null;
        lastColour = c;
        // every dataset names its x axis: with a second (reference) x axis Chart.js would otherwise pick either
        return Json.createObjectBuilder().add("xAxisID", "x").add("label", label).add("type", type).add("borderColor", c)
                .add("backgroundColor", c + "b3").add("borderWidth", 1);
    }

    private static JsonArrayBuilder numbers(List<Double> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Double v : values) {
            if (v == null || v.isNaN() || v.isInfinite()) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
        return a;
    }
}
