package ai.finetune.portal.run;

/** A run that cannot be created, stopped or restarted; the message says which field or state is wrong. */
public class RunException extends Exception {
    private static final long serialVersionUID = 1L;

    public RunException(String message) {
        super(message);
    }
}
