package ai.finetune.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.portal.dashboard.DashboardSeed;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Stakeholder dashboards end to end: a portal of its own on an H2 file database opened with AUTO_SERVER, so the
 * test seeds {@link DashboardSeed}'s rows into it while it runs; then a STAKEHOLDER opens every dashboard in
 * headless Chromium (screenshots in target/screenshots/dashboards-*.png), the key numbers appear, every chart
 * rendered, the page's CSV/JSON downloads equal {@code /api/dashboards/*}, nothing on the pages writes, and admin
 * pages and APIs answer 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardsIT {
    private static final String ADMIN_PASSWORD = "dash-it-admin";
    private static final String STAKEHOLDER = "stake";
    private static final String PASSWORD = "stake-password";
    private static final String DB_PASSWORD = "dash-it-db";
    private PortalServer server;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        server = PortalServer.fresh("dashboards");
        String url = "jdbc:h2:file:" + server.dataDir().resolve("db").resolve("portal")
                + ";MODE=LEGACY;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
        server.env("PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD).env("PORTAL_DB_URL", url)
                .env("PORTAL_DB_USER", "portal").env("PORTAL_DB_PASSWORD", DB_PASSWORD).start();
        Http.api(server).createUser(ADMIN_PASSWORD, STAKEHOLDER, PASSWORD, "STAKEHOLDER");
        Http.api(server).createUser(ADMIN_PASSWORD, "lab", PASSWORD, "LABELER");
        database = new JdbcDataSource();
        database.setURL(url);
        database.setUser("portal");
        database.setPassword(DB_PASSWORD);
        browser = new Browser(server);
        browser.login(STAKEHOLDER, PASSWORD);
    }

    private JdbcDataSource database;

    @Test
    @Order(0)
    void emptyStatesSayWhatIsMissingThenTheRowsAreSeeded() throws Exception {
        String text = open("win-rates.xhtml", "0-empty-win-rates");
        assertTrue(text.contains("No A/B judgements yet"), text);
        text = open("alignment.xhtml", "0-empty-alignment");
        assertTrue(text.contains("No TruthfulQA results yet") && text.contains("No BBQ results yet")
                && text.contains("No submitted rankings yet"), text);
        assertTrue(open("training.xhtml", "0-empty-training").contains("No PPO runs yet"));
        assertTrue(open("code.xhtml", "0-empty-code").contains("No HumanEval results yet"));
        DashboardSeed.insert(database);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** Opens a dashboard, waits for its charts, checks them and the absence of writing controls, screenshots it. */
    private String open(String page, String shot) throws Exception {
        browser.open("/dashboards/" + page);
        browser.waitFor(By.cssSelector(".dash-tabs"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.await().until(d -> Boolean.TRUE.equals(js.executeScript(
                "const c = [...document.querySelectorAll('canvas')];"
                        + "return c.length === 0 || (typeof Chart !== 'undefined' && c.every(x => Chart.getChart(x) !== undefined));")));
        // stakeholders see nothing that writes: the only POST form is "sign out"; other forms are GET
        for (WebElement form : browser.driver().findElements(By.tagName("form"))) {
            assertTrue(form.getAttribute("id").equals("signOutForm")
                    || "get".equalsIgnoreCase(form.getAttribute("method")), page + ": form " + form.getAttribute("id"));
        }
        assertEquals(1, browser.driver().findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(WebElement::isDisplayed).count(), page + ": only the sign-out button");
        // the whole page in one screenshot: set the viewport to the page's size through DevTools (resizing the
        // headless window did not always take), so the charts reflow to it; then back to the normal viewport
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        Map<String, Object> layout = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Number height = (Number) ((Map<?, ?>) layout.get("cssContentSize")).get("height");
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280,
                "height", Math.min(6000, Math.max(900, height.intValue())), "deviceScaleFactor", 1, "mobile", false));
        Thread.sleep(500);
        browser.screenshot("dashboards-" + shot);
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    @Test
    @Order(1)
    void overview() throws Exception {
        String text = open("index.xhtml", "1-overview");
        assertTrue(text.contains("60.0%") && text.contains("ppo-a against sft"), text);
        assertTrue(text.contains("TruthfulQA MC1 25.0%"), text);
        assertTrue(browser.present(By.cssSelector("#portalMenu a[href$='/dashboards/leaderboard.xhtml']")), "menu lists the dashboards");
        assertTrue(!browser.present(By.cssSelector("#portalMenu a[href$='/admin/users.xhtml']")), "no admin menu for a stakeholder");
    }

    @Test
    @Order(2)
    void winRates() throws Exception {
        String text = open("win-rates.xhtml", "2-win-rates");
        assertTrue(text.contains("Win rate against sft"), text);
        assertTrue(text.contains("60.0%") && text.contains("[23.1%, 88.2%]"), text);
        assertTrue(text.contains("83.3%") && text.contains("uncategorized"), text);
        assertTrue(text.contains("\"both bad\" counts as a tie"), text);
        open("win-rates.xhtml?baseline=ppo-a", "2b-win-rates-baseline-ppo");
        assertEquals("ppo-a", browser.text(By.id("baselineName")));
    }

    @Test
    @Order(3)
    void leaderboard() throws Exception {
        String text = open("leaderboard.xhtml", "3-leaderboard");
        String first = browser.driver().findElement(By.cssSelector("[id$='ratings_data'] tr td:nth-child(2)")).getText();
        assertEquals("ppo-a", first);
        assertTrue(text.contains("Length-controlled") && text.contains("Length effect"), text);
    }

    @Test
    @Order(4)
    void code() throws Exception {
        String text = open("code.xhtml", "4-code");
        assertTrue(text.contains("10.0%") && text.contains("50.0%") && text.contains("12.0%"), text);
        assertTrue(text.contains("MIT"), text);
    }

    @Test
    @Order(5)
    void alignment() throws Exception {
        String text = open("alignment.xhtml", "5-alignment");
        assertTrue(text.contains("25.0%") && text.contains("20.0%") && text.contains("[7.1%, 59.1%]"), text);
        assertTrue(text.contains("-0.050") && text.contains("Sexual content"), text);
        assertTrue(text.contains("TruthfulQA: Apache-2.0") && text.contains("BBQ: CC-BY-4.0"), text);
    }

    @Test
    @Order(6)
    void trainingHealth() throws Exception {
        String text = open("training.xhtml", "6-training-health");
        assertTrue(text.contains("+0.400") && text.contains("the SFT run's metrics"), text);
        assertTrue(browser.present(By.id("pretrainChart")));
    }

    @Test
    @Order(7)
    void downloadsEqualTheApi() throws Exception {
        Http session = Http.signedIn(server, STAKEHOLDER, PASSWORD);
        Http api = Http.api(server);
        for (String[] t : List.of(new String[] {"win-rates", "win-rates"}, new String[] {"win-rates", "by-category"},
                new String[] {"leaderboard", "ratings"}, new String[] {"leaderboard", "length-controlled"},
                new String[] {"humaneval", "pass-at-k"}, new String[] {"alignment", "bbq"},
                new String[] {"alignment", "flag-rates"}, new String[] {"training-health", "ppo-metrics"})) {
            for (String format : List.of("csv", "json")) {
                HttpResponse<String> page = session.get("/dashboards/export/" + t[0] + "/" + t[1] + "." + format);
                HttpResponse<String> rest = api.get("/api/dashboards/" + t[0] + "?table=" + t[1] + "&format=" + format,
                        STAKEHOLDER, PASSWORD);
                assertEquals(200, page.statusCode(), t[0] + "/" + t[1]);
                assertEquals(200, rest.statusCode(), rest.body());
                assertEquals(rest.body(), page.body(), t[0] + "/" + t[1] + "." + format);
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith(
                        format.equals("csv") ? "text/csv" : "application/json"));
            }
        }
        // the link on the page is the one checked above
        browser.open("/dashboards/win-rates.xhtml");
        String href = browser.waitFor(By.id("download-win-rates-csv")).getAttribute("href");
        assertTrue(href.endsWith("/dashboards/export/win-rates/win-rates.csv?baseline=sft"), href);
        String csv = session.get("/dashboards/export/win-rates/win-rates.csv?baseline=sft").body();
        assertTrue(csv.contains("ppo-a,sft,(all),5,2,1,1,1,0.6,0.2307242812760128,0.882379225767352,"), csv);
        Object json = Http.jsonValue(api.get("/api/dashboards/win-rates?baseline=ppo-a", STAKEHOLDER, PASSWORD).body());
        assertTrue(json.toString().contains("baseline=ppo-a"), json.toString());
        assertEquals(400, api.get("/api/dashboards/win-rates?baseline=nobody", STAKEHOLDER, PASSWORD).statusCode());
        assertEquals(404, api.get("/api/dashboards/nothing", STAKEHOLDER, PASSWORD).statusCode());
        HttpResponse<String> unknown = session.get("/dashboards/export/win-rates/win-rates.csv?baseline=nobody");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("'nobody' has no A/B judgements"), unknown.body());
        assertEquals(200, api.get("/api/dashboards/alignment", "admin", ADMIN_PASSWORD).statusCode());
    }

    @Test
    @Order(8)
    void stakeholderIsRefusedAdminPagesAndApis() throws Exception {
        Http session = Http.signedIn(server, STAKEHOLDER, PASSWORD);
        for (String page : List.of("/admin/users.xhtml", "/admin/runs/index.xhtml", "/admin/models/index.xhtml")) {
            assertEquals(403, session.get(page).statusCode(), page);
        }
        Http api = Http.api(server);
        assertEquals(403, api.get("/api/users", STAKEHOLDER, PASSWORD).statusCode());
        assertEquals(403, api.get("/api/runs/1", STAKEHOLDER, PASSWORD).statusCode());
        assertEquals(403, api.get("/api/dashboards/leaderboard", "lab", PASSWORD).statusCode(), "labelers do not read dashboards");
        assertEquals(401, api.get("/api/dashboards/leaderboard").statusCode());
        Http labeler = Http.signedIn(server, "lab", PASSWORD);
        assertEquals(403, labeler.get("/dashboards/index.xhtml").statusCode());
        assertEquals(403, labeler.get("/dashboards/export/win-rates/win-rates.csv").statusCode());
    }
}
