package ai.finetune.portal.security;

import jakarta.servlet.http.HttpServletRequest;

/** Where requests go, by path inside the application. */
public final class PortalPaths {

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String HOME_PAGE = "/index.xhtml";

    private PortalPaths() {
    }

    public static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    public static boolean isFacesResource(String path) {
        return path.startsWith("/jakarta.faces.resource/");
    }

    /** A redirect target after login: only a path inside this application, never another site. */
    public static boolean isSafeLocalTarget(String contextPath, String target) {
        if (target == null || target.isEmpty() || !target.startsWith("/") || target.startsWith("//")
                || target.contains("\\") || target.contains("\r") || target.contains("\n")) {
            return false;
        }
        String ctx = contextPath == null ? "" : contextPath;
        return target.startsWith(ctx + "/") || target.equals(ctx);
    }
}
