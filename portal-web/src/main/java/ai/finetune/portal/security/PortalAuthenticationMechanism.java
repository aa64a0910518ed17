package ai.finetune.portal.security;

import ai.finetune.portal.api.ApiError;
import ai.finetune.portal.users.UserAccount;
import ai.finetune.portal.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The application's one authentication mechanism (Jakarta Security allows one):
 * <ul>
 * <li>{@code /api/**}: HTTP Basic on every request, no session; a missing or wrong header gets a JSON 401.</li>
 * <li>pages: a form login ({@link LoginServlet} calls {@code SecurityContext.authenticate}); the signed-in user's
 * name is kept in the HTTP session, and every request re-reads the account so that a disabled user or a changed
 * role takes effect at once. Protected pages without a session redirect to the login page.</li>
 * </ul>
 * Both go through the same {@link IdentityStoreHandler} and so the same database identity store.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "ai.finetune.portal.user";
    public static final String SESSION_TARGET = "ai.finetune.portal.afterLogin";
    static final String REALM = "Finetune Portal";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UserRepository users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return doValidate(request, response, context);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuthenticationStatus doValidate(HttpServletRequest request, HttpServletResponse response,
                                            HttpMessageContext context) throws IOException {
        String path = PortalPaths.pathOf(request);

        if (context.isAuthenticationRequest()) {
            return formLogin(request, context);
        }

        if (PortalPaths.isApi(path)) {
            String header = request.getHeader("Authorization");
            if (header != null) {
                Optional<BasicCredentials> basic = BasicCredentials.parse(header);
                if (basic.isPresent()) {
                    CredentialValidationResult result = identityStores.validate(
                            new UsernamePasswordCredential(basic.get().username(), basic.get().password()));
                    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                        return context.notifyContainerAboutLogin(result);
                    }
                    return challenge(response, "wrong user name or password, or the account is disabled");
                }
                return challenge(response, "the Authorization header must be HTTP Basic credentials");
            }
            if (context.isProtected()) {
                return challenge(response, "authentication required: send HTTP Basic credentials");
            }
            return context.doNothing();
        }

        if (PortalPaths.isFacesResource(path)) {
            return context.doNothing();
        }

        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String name) {
            Optional<UserAccount> account = users.findByUsername(name);
            if (account.isPresent() && account.get().enabled()) {
                return context.notifyContainerAboutLogin(name, Set.of(account.get().role().name()));
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return redirectToLogin(request, response, context);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        Object target = null;
        HttpSession old = request.getSession(false);
        if (old != null) {
            target = old.getAttribute(SESSION_TARGET);
            old.invalidate(); // a fresh session for the signed-in user (no session fixation)
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
        if (target != null) {
            session.setAttribute(SESSION_TARGET, target);
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus redirectToLogin(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context) throws IOException {
        String loginUrl = request.getContextPath() + PortalPaths.LOGIN_PAGE;
        boolean ajax = "partial/ajax".equals(request.getHeader("Faces-Request"));
        if ("GET".equals(request.getMethod()) && !ajax) {
            String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            request.getSession(true).setAttribute(SESSION_TARGET, target);
        }
        if (ajax) {
            // a Faces Ajax request after the session ended: tell the page to go to the login page
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + loginUrl + "\"></redirect></partial-response>");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(loginUrl);
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        ApiError.write(response, HttpServletResponse.SC_UNAUTHORIZED, message);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
