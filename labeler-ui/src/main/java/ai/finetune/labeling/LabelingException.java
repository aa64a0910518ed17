package ai.finetune.labeling;

/** A request the labeling rules refuse; the message says what is wrong and is shown to the user as is. */
public class LabelingException extends RuntimeException {

    private final boolean forbidden;

    public LabelingException(String message) {
        this(message, false);
    }

    private LabelingException(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    /** The caller may not touch this (another labeler's work, or not an active labeler). */
    public static LabelingException forbidden(String message) {
        return new LabelingException(message, true);
    }

    public boolean isForbidden() {
        return forbidden;
    }
}
