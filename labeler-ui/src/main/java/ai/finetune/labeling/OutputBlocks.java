package ai.finetune.labeling;

import java.util.ArrayList;
import java.util.List;

/**
 * Outputs typed or pasted as text: blocks separated by a line holding only {@code ---}; the first line of each
 * block names the model, the rest is the output, kept exactly (code layout included).
 */
public final class OutputBlocks {

    public static final String SEPARATOR = "---";

    private OutputBlocks() {
    }

    public static List<ModelOutput> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new LabelingException("no outputs given: write blocks separated by a line '---', each starting with the model name");
        }
        List<ModelOutput> outputs = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (line.strip().equals(SEPARATOR)) {
                outputs.add(toOutput(block, outputs.size() + 1));
                block = new ArrayList<>();
            } else {
                block.add(line);
            }
        }
        outputs.add(toOutput(block, outputs.size() + 1));
        return outputs;
    }

    private static ModelOutput toOutput(List<String> lines, int number) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        if (lines.isEmpty()) {
            throw new LabelingException("output block " + number + " is empty: its first line names the model");
        }
        String model = lines.get(0).strip();
        String body = String.join("\n", lines.subList(1, lines.size())).strip();
        if (body.isEmpty()) {
            throw new LabelingException("output block " + number + " (model '" + model + "') has no text after the model name");
        }
        return new ModelOutput(model, body);
    }
}
