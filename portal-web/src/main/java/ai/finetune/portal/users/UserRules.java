package ai.finetune.portal.users;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation rules for user names and passwords, shared by the pages, the API and the start-up code. */
public final class UserRules {

    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 256;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private UserRules() {
    }

    /** Lower-cases and trims; user names are case-insensitive. */
    public static String normalizeUsername(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    /** @return the normalized name; throws {@link UserException} (INVALID) when it is not acceptable. */
    public static String checkUsername(String name) {
        String n = normalizeUsername(name);
        if (n == null || n.isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "name is required");
        }
        if (!USERNAME.matcher(n).matches()) {
            throw new UserException(UserException.Kind.INVALID, "name must be 2 to 64 characters: letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return n;
    }

    public static void checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "password is required");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserException(UserException.Kind.INVALID, "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new UserException(UserException.Kind.INVALID, "password must have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new UserException(UserException.Kind.INVALID, "password must not be only spaces");
        }
    }

    public static Role checkRole(String role) {
        if (role == null || role.isBlank()) {
            throw new UserException(UserException.Kind.INVALID, "role is required: one of " + Role.names());
        }
        return Role.parse(role).orElseThrow(() -> new UserException(UserException.Kind.INVALID,
                "role must be one of " + Role.names() + ", not '" + role + "'"));
    }
}
