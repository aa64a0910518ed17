package ai.finetune.portal.run;

import ai.finetune.labeling.LabelingItems;
import ai.finetune.labeling.ModelOutput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a sample-comparisons run's {@code samples.jsonl} (model-runtime {@code sample --prompts}: a prompt and its K
 * completions per line) into RANKING tasks in the labelers' queue, each output labelled with the sampled model's name.
 */
final class ComparisonTasks {
    private ComparisonTasks() {
    }

    static int queue(LabelingItems items, Path samplesFile, String modelName, String createdBy) throws IOException {
        // every line is checked before the first task is created, so a bad file queues nothing
        List<Map.Entry<String, List<ModelOutput>>> tasks = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(samplesFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject o;
            try (var reader = Json.createReader(new StringReader(line))) {
                o = reader.readObject();
            }
            List<ModelOutput> outputs = o.getJsonArray("completions").getValuesAs(JsonString.class).stream()
                    .map(t -> new ModelOutput(modelName, t.getString())).toList();
            if (o.getString("prompt", "").isBlank() || outputs.size() < 4 || outputs.size() > 9) {
                // checked here: the queue's own refusal would roll back the whole completion
                throw new IOException("line " + (n + 1) + " of " + samplesFile + ": a ranking task needs a prompt and 4"
                        + " to 9 outputs, got " + outputs.size());
            }
            tasks.add(Map.entry(o.getString("prompt"), outputs));
            n++;
        }
        tasks.forEach(t -> items.createRanking(t.getKey(), t.getValue(), createdBy));
        return tasks.size();
    }
}
