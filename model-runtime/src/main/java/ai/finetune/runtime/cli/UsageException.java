package ai.finetune.runtime.cli;

/** A malformed or unknown option; the message names the option. Exit status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
