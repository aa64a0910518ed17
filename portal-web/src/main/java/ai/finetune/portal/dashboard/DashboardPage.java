package ai.finetune.portal.dashboard;

import jakarta.faces.context.FacesContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every dashboard page bean offers its Facelet: the dashboard, its empty-state messages, its tables' rows
 * and the download links of each table. Page beans only read.
 */
public abstract class DashboardPage {
    protected Dashboard dashboard;

    public Dashboard getDashboard() {
        return dashboard;
    }

    public Map<String, String> getMissing() {
        return dashboard.missing();
    }

    public Map<String, Object> getInfo() {
        return dashboard.info();
    }

    public List<? extends Record> rows(String table) {
        return dashboard.table(table).orElseThrow().rows();
    }

    public boolean has(String table) {
        return !dashboard.table(table).orElseThrow().isEmpty();
    }

    /** The download link of one table ({@code format} csv or json), with this page's query (e.g. the baseline). */
    public String exportUrl(String table, String format) {
        String ctx = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return ctx + "/dashboards/export/" + dashboard.name() + "/" + table + "." + format.toLowerCase(Locale.ROOT)
                + exportQuery();
    }

    /** The JSON of the whole dashboard. */
    public String exportAllUrl() {
        String ctx = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return ctx + "/dashboards/export/" + dashboard.name() + ".json" + exportQuery();
    }

    protected String exportQuery() {
        return "";
    }

    protected static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    protected static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
