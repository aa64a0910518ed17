package ai.finetune.portal.dashboard;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' download links: {@code /dashboards/export/<dashboard>/<table>.<csv|json>} (and
 * {@code /dashboards/export/<dashboard>.json} for everything), with the signed-in session; the API needs HTTP
 * Basic, which a browser link cannot send. Under /dashboards/*, so web.xml admits STAKEHOLDER and ADMIN only; checked
 * again here. GET only: nothing here changes data.
 */
@WebServlet("/dashboards/export/*")
public class DashboardExportServlet extends HttpServlet {
    private static final Pattern PATH = Pattern.compile("/([a-z-]+)(?:/([a-z0-9-]+))?\\.(csv|json)");

    @Inject
    DashboardService dashboards;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole("STAKEHOLDER") && !request.isUserInRole("ADMIN")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches() || !DashboardService.NAMES.contains(m.group(1))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String body;
        DashboardExport.Format format = DashboardExport.Format.parse(m.group(3));
        Dashboard d;
        try {
            d = dashboards.byName(m.group(1), request.getParameter("baseline"));
            body = DashboardExport.render(d, m.group(2), format);
        } catch (IllegalArgumentException e) {
            // the reason (e.g. an unknown baseline and the judged models) as plain text: the error page would hide it
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(e.getMessage());
            return;
        }
        response.setContentType(format.mediaType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + DashboardExport.fileName(d, m.group(2), format) + "\"");
        response.getWriter().write(body);
    }
}
