package ai.finetune.portal.users;

import java.time.Instant;

/** A portal account as stored (without its password hash). */
public record UserAccount(long id, String username, Role role, boolean enabled, Instant createdAt,
                          String createdBy, Instant lastLoginAt) {

    // bean-style accessors for Faces EL
    public long getId() { return id; }
    public String getUsername() { return username; }
    public Role getRole() { return role; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getLastLoginAt() { return lastLoginAt; }
}
