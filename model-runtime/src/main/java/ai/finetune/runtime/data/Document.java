package ai.finetune.runtime.data;

/** One text of a corpus and where it came from (a relative file path, or {@code file.jsonl:line}). */
public record Document(String text, String source) {}
