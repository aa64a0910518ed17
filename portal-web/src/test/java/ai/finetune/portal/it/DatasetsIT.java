package ai.finetune.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Datasets through the real portal: PORTAL_DEMO=true seeds the demo datasets once (a restart seeds nothing again);
 * bad uploads (malformed JSON on line 37, a missing field, a wrong type, a file over PORTAL_DATASET_MAX_BYTES) get
 * a 400 naming the line and field (or the limit) and leave no row and no file; exports stream the formats; the
 * API is ADMIN only; an SFT run submitted with defaults takes the demo demonstrations and the base model. Its own
 * portal, for the demo flag and a small upload limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetsIT {
    private static final String PASSWORD = "datasets-it-password";
    private static final long MAX_BYTES = 50_000;
    private PortalServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        server = PortalServer.fresh("datasets")
                .env("PORTAL_ADMIN_PASSWORD", PASSWORD)
                .env("PORTAL_DEMO", "true")
                .env("PORTAL_DATASET_MAX_BYTES", Long.toString(MAX_BYTES))
                .env("PORTAL_WORKER_THREADS", "1")
                .env("PORTAL_WORKER_DJL_CACHE", Path.of(System.getProperty("user.home"), ".djl.ai").toString())
                .start();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void demoDatasetsAreSeededOnTheFirstStart() throws Exception {
        Map<String, JsonObject> byName = awaitDemoDatasets();
        assertEquals(Map.of("demo-demonstrations", "DEMONSTRATIONS", "demo-prompts", "PROMPTS",
                "demo-rankings", "RANKINGS", "humaneval", "HUMANEVAL"), byName.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getString("kind"))));
        assertEquals(164, byName.get("humaneval").getInt("records"));
        assertEquals(116, byName.get("demo-demonstrations").getInt("records"));
        assertEquals(23, byName.get("demo-rankings").getInt("records"));
        assertEquals(4, storedFiles().size(), storedFiles().toString());
    }

    @Test
    @Order(3)
    void badUploadsNameLineAndFieldAndStoreNothing() throws Exception {
        List<String> filesBefore = storedFiles();
        StringBuilder demos = new StringBuilder();
        for (int i = 1; i <= 36; i++) {
            demos.append("{\"prompt\":\"p").append(i).append("\",\"response\":\"r\"}\n");
        }
        assertRejected("bad", "DEMONSTRATIONS", demos + "{\"prompt\": \"x\", \"response\": }\n" + demos,
                "line 37: malformed JSON");
        assertRejected("bad", "DEMONSTRATIONS", demos + "{\"prompt\":\"x\"}\n", "line 37: missing field 'response'");
        assertRejected("bad", "RANKINGS", "{\"prompt\":\"p\",\"completions\":7,\"ranking\":[0,1,2,3]}\n",
                "line 1: field 'completions': expected an array of 4 to 9 strings, got a number");
        StringBuilder big = new StringBuilder();
        while (big.length() <= MAX_BYTES) {
            big.append(demos);
        }
        assertRejected("bad", "DEMONSTRATIONS", big.toString(),
                "the file is larger than the upload limit of " + MAX_BYTES + " bytes (PORTAL_DATASET_MAX_BYTES)");
        assertTrue(datasets().stream().noneMatch(d -> d.getString("name").equals("bad")), "no row for a rejected upload");
        assertEquals(filesBefore, storedFiles(), "no file left behind by a rejected upload");
        assertTrue(!Files.exists(server.dataDir().resolve("datasets").resolve("bad")), "no folder for a rejected name");

        HttpResponse<String> ok = upload("good", "DEMONSTRATIONS", demos.toString());
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals(36, object(ok.body()).getInt("records"));
    }

    @Test
    @Order(4)
    void exportsStreamTheCommonFormats() throws Exception {
        Map<String, JsonObject> byName = awaitDemoDatasets();
        List<String> pairs = lines(export(byName.get("demo-rankings"), "prompt-chosen-rejected"));
        assertEquals(23 * 6, pairs.size(), "C(4,2) pairs per ranking");
        JsonObject first = object(pairs.get(0));
        assertEquals(List.of("prompt", "chosen", "rejected"), List.copyOf(first.keySet()));

        HttpResponse<String> messages = export(byName.get("demo-demonstrations"), "messages");
        assertEquals(200, messages.statusCode(), messages.body());
        assertTrue(messages.headers().firstValue("Content-Disposition").orElse("")
                .contains("demo-demonstrations-v1-messages.jsonl"));
        List<String> chat = lines(messages);
        assertEquals(116, chat.size());
        JsonArray turns = object(chat.get(0)).getJsonArray("messages");
        assertEquals("user", turns.getJsonObject(0).getString("role"));
        assertEquals("assistant", turns.getJsonObject(1).getString("role"));
        assertEquals(116, lines(export(byName.get("demo-demonstrations"), "prompt-completion")).size());

        HttpResponse<String> wrong = export(byName.get("humaneval"), "messages");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("format messages does not apply to HUMANEVAL datasets"), wrong.body());
    }

    /** The page: a bad upload is rejected with line and field and stores nothing; the preview prints text escaped. */
    @Test
    @Order(5)
    void thePageRejectsABadUploadAndPreviewsEscaped() throws Exception {
        HttpResponse<String> xss = upload("markup", "DEMONSTRATIONS",
                "{\"prompt\":\"<script>alert(1)</script><b>bold</b>\",\"response\":\"x & y\"}\n");
        assertEquals(201, xss.statusCode(), xss.body());
        Path bad = server.dataDir().resolveSibling("datasets-it-bad.jsonl");
        Files.writeString(bad, "{\"prompt\":\"a\",\"response\":\"b\"}\n{\"prompt\":\"a\"}\n");
        List<String> files = storedFiles();
        try (Browser browser = new Browser(server)) {
            browser.login("admin", PASSWORD);
            browser.open("/admin/datasets/index.xhtml");
            browser.waitFor(org.openqa.selenium.By.id("datasetsForm:name")).sendKeys("page-bad");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("input[type=file]")).sendKeys(bad.toString());
            browser.driver().findElement(org.openqa.selenium.By.id("datasetsForm:upload")).click();
            String message = browser.text(org.openqa.selenium.By.id("datasetsForm:messages"));
            assertTrue(message.contains("Upload rejected, nothing stored: line 2: missing field 'response'"), message);
            assertEquals(files, storedFiles());

            browser.driver().findElement(org.openqa.selenium.By.xpath(
                    "//tr[td[1][normalize-space()='markup']]//button[contains(@id,':preview')]")).click();
            String table = browser.text(org.openqa.selenium.By.id("datasetsForm:previewTable"));
            assertTrue(table.contains("<script>alert(1)</script><b>bold</b>"), table);
            assertTrue(table.contains("x & y"), table);
            assertTrue(!browser.driver().getPageSource().contains("<script>alert(1)"), "the prompt is text, not markup");
            browser.screenshot("datasets-01-preview-escaped");
        }
        assertTrue(datasets().stream().noneMatch(d -> d.getString("name").equals("page-bad")));
    }

    @Test
    @Order(6)
    void onlyAdminsReachTheDatasetApi() throws Exception {
        Http.api(server).createUser(PASSWORD, "ds-labeler", "labeler-password", "LABELER");
        HttpResponse<String> r = Http.api(server).get("/api/datasets", "ds-labeler", "labeler-password");
        assertEquals(403, r.statusCode(), r.body());
        long id = awaitDemoDatasets().get("demo-demonstrations").getJsonNumber("id").longValue();
        assertEquals(403, Http.api(server).get("/api/datasets/" + id + "/export?format=messages", "ds-labeler",
                "labeler-password").statusCode());
    }

    @Test
    @Order(2) // before the uploads below: the defaults take the newest demonstrations
    void anSftRunWithDefaultsTrainsTheBaseModelOnTheDemoDemonstrations() throws Exception {
        long demosId = awaitDemoDatasets().get("demo-demonstrations").getJsonNumber("id").longValue();
        HttpResponse<String> r = Http.api(server).postJson("/api/runs", "admin", PASSWORD, "{\"kind\":\"sft\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonObject run = object(r.body());
        assertEquals(demosId, run.getJsonNumber("dataset").longValue(), r.body());
        String models = Http.api(server).get("/api/models", "admin", PASSWORD).body();
        long base;
        try (var reader = Json.createReader(new StringReader(models))) {
            base = reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("name").equals("base-python")).findFirst().orElseThrow()
                    .getJsonNumber("id").longValue();
        }
        assertEquals(base, run.getJsonNumber("baseModel").longValue(), "the shipped base model: " + models);
        Http.api(server).postJson("/api/runs/" + run.getInt("id") + "/stop", "admin", PASSWORD, "");
    }

    @Test
    @Order(7)
    void aRestartSeedsNothingAgain() throws Exception {
        List<String> files = storedFiles();
        int rows = datasets().size();
        server.restart();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!server.log().contains("datasets exist already, no demo datasets seeded")
                && System.nanoTime() < deadline) { // the seeder runs on the managed executor after the start
            Thread.sleep(500);
        }
        assertTrue(server.log().contains("datasets exist already, no demo datasets seeded"), "the seeder ran");
        assertTrue(!server.log().contains("seeded demo datasets ["), "the second start seeded nothing");
        assertEquals(rows, datasets().size());
        assertEquals(files, storedFiles());
    }

    private void assertRejected(String name, String kind, String body, String message) throws Exception {
        HttpResponse<String> r = upload(name, kind, body);
        assertEquals(400, r.statusCode(), r.body());
        String got = object(r.body()).getString("message");
        assertTrue(got.startsWith(message), "expected '" + message + "...', got '" + got + "'");
    }

    private HttpResponse<String> upload(String name, String kind, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri("/api/datasets?name=" + name + "&kind=" + kind))
                .timeout(Duration.ofSeconds(60)).header("Authorization", Http.basic("admin", PASSWORD))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> export(JsonObject dataset, String format) throws IOException, InterruptedException {
        return Http.api(server).get("/api/datasets/" + dataset.getJsonNumber("id") + "/export?format=" + format,
                "admin", PASSWORD);
    }

    private static List<String> lines(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().filter(l -> !l.isBlank()).toList();
    }

    private List<JsonObject> datasets() throws IOException, InterruptedException {
        HttpResponse<String> r = Http.api(server).get("/api/datasets", "admin", PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    /** The demo datasets (the seeder runs on the managed executor, shortly after the start). */
    private Map<String, JsonObject> awaitDemoDatasets() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, JsonObject> byName = new TreeMap<>();
            datasets().stream().filter(d -> d.getString("createdBy", "").equals("demo-seed"))
                    .forEach(d -> byName.put(d.getString("name"), d));
            if (byName.size() == 4 || System.nanoTime() > deadline) {
                return byName;
            }
            Thread.sleep(500);
        }
    }

    /** Every file under the data dir's datasets folder (temporary upload files included). */
    private List<String> storedFiles() throws IOException {
        Path root = server.dataDir().resolve("datasets");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
