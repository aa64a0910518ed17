package ai.finetune.portal.web;

import ai.finetune.portal.api.ApiError;
import ai.finetune.portal.security.PortalPaths;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of web.xml: JSON ({@link ApiError}) for /api requests, the error.xhtml page for everything else.
 * So a 403 from a security constraint on /api/users is JSON too.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? PortalPaths.pathOf(request) : stripContext(request, uri.toString());
        if (PortalPaths.isApi(path)) {
            ApiError.write(response, status, messageFor(status, request));
            return;
        }
        request.setAttribute("portalErrorStatus", status);
        request.setAttribute("portalErrorReason", ApiError.reason(status));
        request.setAttribute("portalErrorMessage", pageMessageFor(status, request));
        response.setStatus(status);
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }

    private static String stripContext(HttpServletRequest request, String uri) {
        String ctx = request.getContextPath();
        return uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri;
    }

    static String messageFor(int status, HttpServletRequest request) {
        return switch (status) {
            case 401 -> "authentication required: send HTTP Basic credentials";
            case 403 -> request.getUserPrincipal() == null ? "forbidden"
                    : "'" + request.getUserPrincipal().getName() + "' may not use this resource";
            case 404 -> "no such API resource";
            case 405 -> "this HTTP method is not allowed here";
            default -> status >= 500 ? "internal error (details are in the server log)" : ApiError.reason(status);
        };
    }

    static String pageMessageFor(int status, HttpServletRequest request) {
        return switch (status) {
            case 403 -> request.getUserPrincipal() == null ? "You may not open this page."
                    : "You are signed in as " + request.getUserPrincipal().getName() + ", and your role may not open this page.";
            case 404 -> "There is no such page.";
            case 405 -> "This page cannot be used that way.";
            default -> status >= 500 ? "Something went wrong on the server; the details are in its log." : ApiError.reason(status);
        };
    }
}
