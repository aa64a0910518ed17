package ai.finetune.portal.web;

import ai.finetune.portal.security.PortalPaths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** {@code #{signOut.run}}: ends the session (a Faces POST, so it carries the view state and cannot be forged cross-site). */
@Named("signOut")
@RequestScoped
public class SignOut {

    public void run() throws IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) ec.getRequest()).logout();
        } catch (ServletException e) {
            // the session is invalidated below anyway
        }
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + PortalPaths.LOGIN_PAGE + "?signedOut=1");
    }
}
