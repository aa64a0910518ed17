package ai.finetune.portal.api;

import ai.finetune.portal.users.UserAccount;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** JSON views of portal objects. */
final class Json {

    private Json() {
    }

    static JsonObject user(UserAccount u) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder()
                .add("name", u.username())
                .add("role", u.role().name())
                .add("enabled", u.enabled())
                .add("createdAt", u.createdAt() == null ? "" : u.createdAt().toString());
        if (u.createdBy() != null) {
            b.add("createdBy", u.createdBy());
        }
        if (u.lastLoginAt() != null) {
            b.add("lastLoginAt", u.lastLoginAt().toString());
        }
        return b.build();
    }
}
