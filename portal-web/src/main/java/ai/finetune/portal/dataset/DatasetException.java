package ai.finetune.portal.dataset;

/** A dataset upload that was rejected; the message names the line and the field. Nothing was stored. */
public class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
