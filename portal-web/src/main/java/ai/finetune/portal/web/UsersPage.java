package ai.finetune.portal.web;

import ai.finetune.portal.users.Role;
import ai.finetune.portal.users.UserAccount;
import ai.finetune.portal.users.UserException;
import ai.finetune.portal.users.UserService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;

/** Backing bean of admin/users.xhtml: create, disable, re-enable, reset password. ADMIN only (checked here too). */
@Named("usersPage")
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserService users;

    @Inject
    transient SecurityContext security;

    private List<UserAccount> all;
    private String newName;
    private String newPassword;
    private Role newRole = Role.LABELER;
    private String resetName;
    private String resetPassword;

    public List<UserAccount> getUsers() {
        requireAdmin();
        if (all == null) {
            all = users.list();
        }
        return all;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public void create() {
        requireAdmin();
        try {
            UserAccount u = users.create(newName, newPassword, newRole == null ? null : newRole.name(), me());
            Messages.info("Created user '" + u.username() + "' with role " + u.role() + ".");
            newName = null;
            newPassword = null;
            newRole = Role.LABELER;
            all = null;
        } catch (UserException e) {
            Messages.error("Cannot create the user: " + e.getMessage() + ".");
        }
    }

    public void disable(String name) {
        setEnabled(name, false);
    }

    public void enable(String name) {
        setEnabled(name, true);
    }

    private void setEnabled(String name, boolean enabled) {
        requireAdmin();
        try {
            users.setEnabled(name, enabled, me());
            Messages.info((enabled ? "Re-enabled '" : "Disabled '") + name + "'.");
        } catch (UserException e) {
            Messages.error("Cannot " + (enabled ? "enable" : "disable") + " '" + name + "': " + e.getMessage() + ".");
        }
        all = null;
    }

    public void prepareReset(String name) {
        requireAdmin();
        resetName = name;
        resetPassword = null;
    }

    public void reset() {
        requireAdmin();
        try {
            users.resetPassword(resetName, resetPassword, me());
            Messages.info("New password set for '" + resetName + "'.");
            resetName = null;
        } catch (UserException e) {
            Messages.error("Cannot reset the password of '" + resetName + "': " + e.getMessage() + ".");
        } finally {
            resetPassword = null;
        }
    }

    public boolean isSelf(String name) {
        return name != null && name.equals(me());
    }

    private String me() {
        return security.getCallerPrincipal().getName();
    }

    private void requireAdmin() {
        if (!security.isCallerInRole(Role.ADMIN.name())) {
            throw new SecurityException("ADMIN role required");
        }
    }

    public String getNewName() { return newName; }
    public void setNewName(String v) { newName = v; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String v) { newPassword = v; }
    public Role getNewRole() { return newRole; }
    public void setNewRole(Role v) { newRole = v; }
    public String getResetName() { return resetName; }
    public void setResetName(String v) { resetName = v; }
    public String getResetPassword() { return resetPassword; }
    public void setResetPassword(String v) { resetPassword = v; }
}
