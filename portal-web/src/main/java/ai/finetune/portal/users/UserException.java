package ai.finetune.portal.users;

/** A user-management request that cannot be carried out; the message says why, for the person who asked. */
public class UserException extends RuntimeException {

    /** What kind of problem: maps to an HTTP status in the API. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND, FORBIDDEN }

    private final Kind kind;

    public UserException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
