package ai.finetune.runtime.eval.humaneval;

/** No sandbox can be made on this host; the message says what is missing and how to get it. */
public final class SandboxUnavailableException extends Exception {
    public SandboxUnavailableException(String message) {
        super(message);
    }
}
