package ai.finetune.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Training runs through the real portal and the real worker (model-runtime.jar, the shipped base model): an admin
 * uploads demonstrations, starts SFT from the form, watches it progress, stops and restarts it, and it completes
 * with every step once; then the portal is killed with SIGKILL during a run, started again, and the run restarts
 * from its checkpoint. Its own portal: the workers share the machine's DJL cache instead of unpacking libtorch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunsIT {
    private static final String PASSWORD = "runs-it-password";
    private PortalServer server;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        server = PortalServer.fresh("runs")
                .env("PORTAL_ADMIN_PASSWORD", PASSWORD)
                .env("PORTAL_WORKER_THREADS", "1")
                .env("PORTAL_WORKER_DJL_CACHE", Path.of(System.getProperty("user.home"), ".djl.ai").toString())
                .start();
        browser = new Browser(server);
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

    @Test
    @Order(1)
    void adminUploadsStartsStopsAndRestartsAnSftRunThatCompletes() throws Exception {
        Path demos = server.dataDir().resolveSibling("runs-it-demos.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add("{\"prompt\":\"Add " + i + " to x.\",\"response\":\"def f(x):\\n    return x + " + i + "\\n\"}");
        }
        Files.write(demos, lines, StandardCharsets.UTF_8);

        browser.login("admin", PASSWORD);
        browser.open("/admin/datasets/index.xhtml");
        browser.waitFor(By.id("datasetsForm:name")).sendKeys("demos");
        browser.driver().findElement(By.cssSelector("input[type=file]")).sendKeys(demos.toString());
        browser.driver().findElement(By.id("datasetsForm:upload")).click();
        assertTrue(browser.text(By.id("datasetsForm:messages")).contains("Stored demos v1: 120 records"),
                browser.driver().getPageSource());
        browser.screenshot("runs-01-dataset-uploaded");

        browser.open("/admin/runs/new.xhtml");
        option("maxSteps", "300"); // long enough that the stop below lands mid-run on an idle machine
        option("batchSize", "2");
        option("seqLen", "64");
        option("checkpointInterval", "10");
        option("evalInterval", "20");
        browser.driver().findElement(By.id("newRunForm:start")).click();
        browser.await().until(d -> browser.path().startsWith("/admin/runs/run.xhtml"));
        long id = Long.parseLong(browser.path().replaceAll(".*id=(\\d+).*", "$1"));

        // the page updates itself (p:poll): no reload from here on
        WebDriverWait slow = new WebDriverWait(browser.driver(), Duration.ofSeconds(300));
        slow.until(d -> step() >= 3);
        int first = step();
        slow.until(d -> step() > first);
        assertTrue(browser.present(By.cssSelector("#runForm\\:loss-chart canvas")), "the loss chart is drawn");
        long t0 = System.nanoTime();
        HttpResponse<String> home = Http.session(server).get("/health/ready");
        double homeSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(200, home.statusCode());
        System.out.printf("[it] while training: /health/ready answered in %.3f s%n", homeSeconds);
        browser.screenshot("runs-02-progress");

        browser.driver().findElement(By.id("runForm:stop")).click();
        slow.until(d -> status().equals("STOPPED"));
        int stoppedAt = step();
        browser.screenshot("runs-03-stopped");
        browser.driver().findElement(By.id("runForm:restart")).click();
        slow.until(d -> status().equals("COMPLETED"));
        browser.screenshot("runs-04-completed");

        JsonObject run = api("/api/runs/" + id);
        assertEquals(stoppedAt, run.getInt("resumedFrom"), "the restart resumed from the stop's checkpoint");
        assertEquals(300, run.getJsonObject("progress").getInt("step"));
        assertEveryStepOnce(id, 300);
    }

    @Test
    @Order(2)
    void aRunSurvivesTheKillingOfThePortal() throws Exception {
        JsonObject created = post("/api/runs", "{\"kind\":\"sft\",\"maxSteps\":5000,\"batchSize\":2,\"seqLen\":64,"
                + "\"checkpointInterval\":10,\"evalInterval\":0}");
        long id = created.getJsonNumber("id").longValue();
        awaitApi(id, r -> r.getJsonObject("progress").getInt("step") >= 12, 300);
        Path out = Path.of(created.getString("outDir"));
        ProcessHandle portal = ProcessHandle.of(server.pid()).orElseThrow();
        portal.destroyForcibly(); // SIGKILL: no shutdown hook runs
        portal.onExit().get();
        // the worker notices (its stdin pipe closed), checkpoints and exits
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (workerAlive(out) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(!workerAlive(out), "the worker outlived its portal by more than 2 minutes");
        int checkpoint = Integer.parseInt(Files.readString(out.resolve("latest")).trim().replace("step-", ""));
        server.stop();
        server.start();
        awaitApplication();

        JsonObject r = api("/api/runs/" + id);
        assertEquals("FAILED", r.getString("status"));
        assertTrue(r.getString("message").startsWith("interrupted"), r.toString());
        post("/api/runs/" + id + "/restart", "");
        JsonObject resumed = awaitApi(id, x -> x.getJsonObject("progress").getInt("step") >= checkpoint + 3, 300);
        assertEquals(checkpoint, resumed.getInt("resumedFrom"), "continues from the last checkpoint");
        post("/api/runs/" + id + "/stop", "");
        JsonObject stopped = awaitApi(id, x -> x.getString("status").equals("STOPPED"), 180);
        assertEveryStepOnce(id, stopped.getJsonObject("progress").getInt("step"));
    }

    /** The health check turns ready a moment before the application answers; wait for the API itself. */
    private void awaitApplication() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (get("/api/me").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private boolean workerAlive(Path out) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains(out.toString()) && c.contains("ParentWatch")).orElse(false));
    }

    private void assertEveryStepOnce(long id, int last) throws Exception {
        JsonArray rows = Json.createReader(new StringReader(get("/api/runs/" + id + "/metrics").body())).readArray();
        List<Integer> steps = rows.stream().map(v -> v.asJsonObject().getInt("step")).toList();
        List<Integer> expected = new ArrayList<>();
        for (int s = 1; s <= last; s++) {
            expected.add(s);
        }
        assertEquals(expected, steps, "every step exactly once");
    }

    private void option(String name, String value) {
        WebElement e = browser.waitFor(By.cssSelector("input.option-" + name));
        e.clear();
        e.sendKeys(value);
    }

    private int step() {
        return Integer.parseInt(textOf("run-step"));
    }

    private String status() {
        return textOf("run-status");
    }

    /** The element's text; p:poll replaces the panel every 2 s, so a found element can go stale before it is read. */
    private String textOf(String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.driver().findElement(By.id(id)).getText().trim();
            } catch (StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private JsonObject awaitApi(long id, Predicate<JsonObject> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = api("/api/runs/" + id);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + id + " did not get there in " + seconds + " s: " + last);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Http.api(server).get(path, "admin", PASSWORD);
    }

    private JsonObject api(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private JsonObject post(String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", Http.basic("admin", PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
