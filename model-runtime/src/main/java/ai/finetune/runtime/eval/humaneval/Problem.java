package ai.finetune.runtime.eval.humaneval;

/**
 * One HumanEval problem: a function signature with docstring ({@code prompt}), a reference body, and a test that
 * defines {@code check(candidate)}.
 */
public record Problem(String taskId, String prompt, String canonicalSolution, String test, String entryPoint) {

    /** The program the reference harness executes for a completion: prompt, completion, test, then the check. */
    public String program(String completion) {
        return prompt + completion + "\n" + test + "\n" + "check(" + entryPoint + ")";
    }
}
