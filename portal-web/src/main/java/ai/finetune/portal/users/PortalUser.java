package ai.finetune.portal.users;

import ai.finetune.labeling.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of portal_user (sql/V1__portal_users.sql); pages and services see it as a {@link UserAccount}. */
@Entity
@Table(name = "portal_user")
public class PortalUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled;

    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    @Column(name = "last_login_at")
    @Convert(converter = InstantConverter.class)
    private Instant lastLoginAt;

    protected PortalUser() {
    }

    PortalUser(String username, String passwordHash, Role role, String createdBy) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    UserAccount account() {
        return new UserAccount(id, username, role, enabled, createdAt, createdBy, lastLoginAt);
    }

    String passwordHash() {
        return passwordHash;
    }

    void setPasswordHash(String hash) {
        this.passwordHash = hash;
        this.updatedAt = Instant.now();
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    void recordLogin() {
        this.lastLoginAt = Instant.now();
    }
}
