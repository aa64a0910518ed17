package ai.finetune.runtime.rlhf;

/** Scores a response to a prompt; higher is better. Win rates compare two responses' scores. */
@FunctionalInterface
public interface Judge {
    double score(String prompt, String response);
}
