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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The RLHF stages and the evaluations through the API, with the real worker and the shipped base model, at tiny
 * settings: SFT, sample-comparisons (ranking tasks for the labelers), the admin ranks them as an active labeler,
 * reward-model from those labelers' rankings, PPO against it, then TruthfulQA and HumanEval (sandboxed) evaluations that store evaluation_result rows; the run and
 * model pages are checked in Chromium. One portal start for all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlhfRunsIT {
    private static final String PASSWORD = "rlhf-it-password";
    private PortalServer server;

    @BeforeAll
    void start() throws Exception {
        server = PortalServer.fresh("rlhf")
                .env("PORTAL_ADMIN_PASSWORD", PASSWORD)
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
    void sftSamplingRewardModelPpoAndEvaluationsThroughTheApi() throws Exception {
        List<String> demos = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = 2 + i % 4;
            String prompt = "Write a list of " + n + " even numbers.";
            demos.add(Json.createObjectBuilder().add("prompt", prompt).add("response", "[2, 4]").build().toString());
            prompts.add(Json.createObjectBuilder().add("prompt", prompt).build().toString());
        }
        upload("demos", "DEMONSTRATIONS", demos);
        long promptsId = upload("prompts", "PROMPTS", prompts);

        JsonObject sft = await(post("/api/runs", "{\"kind\":\"sft\",\"maxSteps\":3,\"batchSize\":2,\"seqLen\":64,"
                + "\"evalInterval\":0,\"checkpointInterval\":3}"), "COMPLETED");
        long sftModel = sft.getJsonNumber("resultModel").longValue();

        // K = 4 samples for two prompts -> two ranking tasks in the labelers' queue
        JsonObject sampled = await(post("/api/runs", "{\"kind\":\"sample-comparisons\",\"baseModel\":" + sftModel
                + ",\"dataset\":" + promptsId + ",\"limit\":2,\"maxNewTokens\":12}"), "COMPLETED");
        assertEquals("2 ranking tasks queued for the labelers", sampled.getString("message"));

        // validation names the field
        HttpResponse<String> bad = send("/api/runs", "{\"kind\":\"reward-model\",\"baseModel\":1,"
                + "\"dataset\":\"labelers\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("baseModel: reward-model needs a SFT model"), bad.body());
        bad = send("/api/runs", "{\"kind\":\"sample-comparisons\",\"n\":3}");
        assertTrue(bad.statusCode() == 400 && bad.body().contains("n: must be between 4 and 9, got 3"), bad.body());

        assertEquals(2, rankAllTasks());
        JsonObject rm = await(post("/api/runs", "{\"kind\":\"reward-model\",\"baseModel\":" + sftModel
                + ",\"dataset\":\"labelers\",\"batchSize\":2,\"valFraction\":0,\"evalInterval\":0}"), "COMPLETED");
        long rmModel = rm.getJsonNumber("resultModel").longValue();

        bad = send("/api/runs", "{\"kind\":\"ppo\",\"rewardModel\":" + sftModel + ",\"ptxCoef\":0}");
        assertTrue(bad.statusCode() == 400 && bad.body().contains("rewardModel: ppo needs a RM model"), bad.body());
        JsonObject ppo = await(post("/api/runs", "{\"kind\":\"ppo\",\"baseModel\":" + sftModel + ",\"rewardModel\":"
                + rmModel + ",\"dataset\":" + promptsId + ",\"ptxCoef\":0,\"iterations\":2,\"promptsPerIteration\":2,"
                + "\"samplesPerPrompt\":2,\"maxNewTokens\":8,\"minibatchSize\":2,\"warmupIterations\":0}"), "COMPLETED");
        long ppoId = ppo.getJsonNumber("id").longValue();
        assertEquals(rmModel, ppo.getJsonNumber("rewardModel").longValue());
        assertEquals("0.02", ppo.getJsonObject("params").getString("klCoef"), "PpoConfig's beta, stored on the run");
        long ppoModel = ppo.getJsonNumber("resultModel").longValue();
        JsonArray rows = Json.createReader(new StringReader(get("/api/runs/" + ppoId + "/metrics").body())).readArray();
        assertEquals(2, rows.size());
        assertTrue(rows.getJsonObject(1).getJsonArray("samples").size() > 0, rows.toString());

        await(post("/api/runs", "{\"kind\":\"truthfulqa\",\"baseModel\":" + ppoModel + ",\"limit\":3}"), "COMPLETED");
        await(post("/api/runs", "{\"kind\":\"humaneval\",\"baseModel\":" + sftModel + ",\"limit\":1,\"n\":2,"
                + "\"maxTokens\":16,\"k\":\"1,2\"}"), "COMPLETED");
        JsonObject tqa = evaluations(ppoModel).getJsonObject(0);
        assertEquals("TRUTHFULQA", tqa.getString("kind"));
        assertEquals(3, tqa.getJsonObject("summary").getInt("questions"));
        JsonObject he = evaluations(sftModel).getJsonObject(0).getJsonObject("summary");
        assertEquals(1, he.getInt("problems"));
        assertEquals(2, he.getInt("samplesPerTask"));
        assertTrue(he.getJsonObject("passAtK").containsKey("2"), he.toString());

        try (Browser browser = new Browser(server)) {
            browser.login("admin", PASSWORD);
            browser.open("/admin/runs/run.xhtml?id=" + ppoId);
            assertTrue(browser.present(By.cssSelector("#runForm\\:reward-chart canvas")), "the reward chart is drawn");
            assertTrue(browser.present(By.cssSelector("#runForm\\:kl-chart canvas")), "the KL chart is drawn");
            assertTrue(browser.driver().findElements(By.cssSelector("#runForm\\:samples pre.sample-text")).size() >= 2,
                    "the samples table shows prompts and responses");
            browser.screenshot("rlhf-01-ppo-run");
            browser.open("/admin/models/model.xhtml?id=" + ppoModel);
            String lineage = browser.text(By.id("lineage"));
            assertTrue(lineage.contains("BASE") && lineage.contains("SFT") && lineage.contains("reward model")
                    && lineage.contains("PPO"), lineage);
            assertTrue(browser.text(By.id("modelForm:evaluations")).contains("MC1"), "the evaluation is listed");
            browser.screenshot("rlhf-02-ppo-model");
            browser.open("/admin/runs/new.xhtml");
            new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("newRunForm:kind"))).selectByValue("ppo");
            browser.await().until(d -> !d.findElements(By.id("newRunForm:rewardModel")).isEmpty());
            assertTrue(browser.present(By.cssSelector("input.option-klCoef")), "PPO options are offered");
            browser.screenshot("rlhf-03-new-ppo-form");
        }
    }

    /** The admin becomes an active labeler and ranks every ranking task: outputs in the order shown, best first. */
    private int rankAllTasks() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/labeling/admin/labelers/admin"))
                .header("Authorization", Http.basic("admin", PASSWORD)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"ACTIVE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        int ranked = 0;
        for (HttpResponse<String> next; (next = get("/api/labeling/next?kind=RANKING")).statusCode() == 200; ) {
            JsonObject task = Json.createReader(new StringReader(next.body())).readObject();
            List<String> ids = task.getJsonArray("outputs").stream()
                    .map(o -> String.valueOf(o.asJsonObject().getJsonNumber("id").longValue())).toList();
            StringBuilder scores = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                scores.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append("\":").append(7 - i);
            }
            HttpResponse<String> done = send("/api/labeling/tasks/" + task.getJsonNumber("id").longValue(),
                    "{\"ranking\":\"" + String.join(">", ids) + "\",\"scores\":{" + scores + "}}");
            assertEquals(200, done.statusCode(), done.body());
            ranked++;
        }
        return ranked;
    }

    private long upload(String name, String kind, List<String> lines) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/datasets?name=" + name + "&kind=" + kind + "&format=jsonl"))
                .header("Authorization", Http.basic("admin", PASSWORD)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject().getJsonNumber("id").longValue();
    }

    private JsonArray evaluations(long model) throws Exception {
        HttpResponse<String> r = get("/api/models/" + model + "/evaluations");
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    /** Waits for the run to end; it must end in {@code status}. */
    private JsonObject await(JsonObject created, String status) throws Exception {
        long id = created.getJsonNumber("id").longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        JsonObject last = created;
        while (System.nanoTime() < deadline) {
            last = Json.createReader(new StringReader(get("/api/runs/" + id).body())).readObject();
            String s = last.getString("status");
            if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                assertEquals(status, s, last.toString());
                System.out.printf("[it] run %d %s: %s%n", id, last.getString("kind"), s);
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + id + " did not end in 240 s: " + last);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Http.api(server).get(path, "admin", PASSWORD);
    }

    private HttpResponse<String> send(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", Http.basic("admin", PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject post(String path, String body) throws Exception {
        HttpResponse<String> r = send(path, body);
        assertTrue(r.statusCode() == 201, r.statusCode() + " " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
