package ai.finetune.portal.web;

import ai.finetune.portal.users.Role;
import ai.finetune.portal.users.UserAccount;
import ai.finetune.portal.users.UserRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

/** {@code #{currentUser}}: the signed-in account, for pages of the portal and of labeler-ui. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneId.of("UTC"));

    @Inject
    SecurityContext security;

    @Inject
    UserRepository users;

    private UserAccount account;
    private boolean loaded;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public String getName() {
        Principal p = security.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    public UserAccount getAccount() {
        if (!loaded) {
            loaded = true;
            String name = getName();
            account = name == null ? null : users.findByUsername(name).orElse(null);
        }
        return account;
    }

    public Role getRole() {
        UserAccount a = getAccount();
        return a == null ? null : a.role();
    }

    public boolean isAdmin() {
        return security.isCallerInRole(Role.ADMIN.name());
    }

    public boolean isLabeler() {
        return security.isCallerInRole(Role.LABELER.name());
    }

    public boolean isStakeholder() {
        return security.isCallerInRole(Role.STAKEHOLDER.name());
    }

    /** Formats an instant for pages; "never" for none. */
    public String format(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }
}
