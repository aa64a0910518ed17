package ai.finetune.labeling;

/** An output to put into a new item: which model wrote it (hidden from labelers) and its text. */
public record ModelOutput(String modelName, String text) {
}
