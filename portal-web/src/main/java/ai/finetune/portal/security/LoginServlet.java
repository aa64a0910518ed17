package ai.finetune.portal.security;

import ai.finetune.portal.users.UserRepository;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Receives the login form (POST /login) and signs the user in through {@link PortalAuthenticationMechanism}. */
@WebServlet(urlPatterns = "/login")
public class LoginServlet extends HttpServlet {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserRepository users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + PortalPaths.LOGIN_PAGE);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            response.sendRedirect(request.getContextPath() + PortalPaths.LOGIN_PAGE + "?error=missing");
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password))
                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + PortalPaths.LOGIN_PAGE + "?error=invalid");
            return;
        }
        String name = request.getUserPrincipal().getName();
        users.recordLogin(name);
        String target = request.getContextPath() + "/";
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PortalAuthenticationMechanism.SESSION_TARGET) instanceof String saved) {
            session.removeAttribute(PortalAuthenticationMechanism.SESSION_TARGET);
            if (PortalPaths.isSafeLocalTarget(request.getContextPath(), saved)) {
                target = saved;
            }
        }
        response.sendRedirect(target);
    }
}
