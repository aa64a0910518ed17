package ai.finetune.portal.users;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three portal roles; a user has exactly one. The names are also the Jakarta Security groups and roles. */
public enum Role {
    ADMIN("Administrator"),
    LABELER("Labeler"),
    STAKEHOLDER("Stakeholder");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String getLabel() {
        return label;
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(v)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
