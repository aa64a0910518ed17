package ai.finetune.portal.web;

import ai.finetune.portal.users.UserException;
import ai.finetune.portal.users.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** Backing bean of account/password.xhtml: a signed-in user changes their own password. */
@Named("passwordPage")
@RequestScoped
public class PasswordPage {

    @Inject
    UserService users;

    @Inject
    SecurityContext security;

    private String current;
    private String next;
    private String confirm;

    public void change() {
        if (next == null || !next.equals(confirm)) {
            Messages.error("The new password and its confirmation differ.");
            return;
        }
        try {
            users.changeOwnPassword(security.getCallerPrincipal().getName(), current, next);
            Messages.info("Your password has been changed.");
        } catch (UserException e) {
            Messages.error("Password not changed: " + e.getMessage() + ".");
        }
    }

    public String getCurrent() { return current; }
    public void setCurrent(String v) { current = v; }
    public String getNext() { return next; }
    public void setNext(String v) { next = v; }
    public String getConfirm() { return confirm; }
    public void setConfirm(String v) { confirm = v; }
}
