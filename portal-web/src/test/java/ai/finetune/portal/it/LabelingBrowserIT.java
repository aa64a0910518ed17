package ai.finetune.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Labeling (labeler-ui) in headless Chromium against the shared portal: an admin activates a labeler, who then
 * ranks six outputs with the keyboard only; model output with markup and a script is shown as text; a labeler is
 * kept out of admin pages, admin APIs and another labeler's work. Screenshots: target/screenshots/labeling-*.png.
 */
@ExtendWith(SharedPortal.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelingBrowserIT {

    private static final String HOSTILE = "<script>window.__xss = 1;</script><img src=x onerror=\"window.__xss = 2\"><b>bold?</b>";
    private static final String CODE = "def add(a, b):\n    if a is None:\n        return b\n    return a + b";

    private final PortalServer server;
    private final String admin = SharedPortal.adminPassword();
    private Browser browser;

    LabelingBrowserIT(PortalServer server) {
        this.server = server;
    }

    @BeforeAll
    void openBrowser() throws Exception {
        browser = new Browser(server);
        Http.api(server).createUser(admin, "rank-labeler", "rank-labeler-pass", "LABELER");
        Http.api(server).createUser(admin, "other-labeler", "other-labeler-pass", "LABELER");
        Http.api(server).createUser(admin, "rank-stakeholder", "rank-stakeholder-pass", "STAKEHOLDER");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void applicantWaitsUntilAnAdminActivatesThenRanksSixOutputsByKeyboardOnly() throws Exception {
        // an applicant gets no work
        browser.driver().manage().deleteAllCookies();
        browser.open("/labeling/index.xhtml").login("rank-labeler", "rank-labeler-pass");
        assertEquals("APPLICANT", browser.text(By.id("labeler-status")));
        browser.open("/labeling/rank.xhtml");
        assertTrue(browser.text(By.id("refusal")).contains("only active labelers get work"), browser.text(By.id("refusal")));
        browser.signOut();

        // the admin activates them on the labelers page
        browser.login("admin", admin);
        browser.open("/admin/labeling/labelers.xhtml");
        browser.waitFor(By.id("decide-form:labeler-name")).sendKeys("rank-labeler");
        new Select(browser.driver().findElement(By.id("decide-form:labeler-status"))).selectByValue("ACTIVE");
        browser.driver().findElement(By.id("decide-form:labeler-note")).sendKeys("passed the screening test");
        browser.driver().findElement(By.id("decide-form:decide")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "rank-labeler is now ACTIVE"));
        browser.screenshot("labeling-01-admin-activates");
        browser.signOut();

        List<Long> outputIds = queueSixOutputs();

        browser.login("rank-labeler", "rank-labeler-pass");
        browser.open("/labeling/rank.xhtml");
        browser.waitFor(By.id("ranking-list"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();

        // untrusted output is text: the markup is visible, no element was made from it, no script ran
        String shown = browser.text(By.id("output-C"));
        assertTrue(shown.contains("<script>window.__xss = 1;</script>"), shown);
        assertTrue(shown.contains("<b>bold?</b>"), shown);
        assertEquals(0L, js.executeScript("return document.querySelectorAll('#ranking-list script, #ranking-list img, #ranking-list b').length"));
        assertEquals(null, js.executeScript("return window.__xss === undefined ? null : window.__xss"));
        // code keeps its layout
        String code = (String) js.executeScript("return document.querySelector('#output-F pre').textContent");
        assertEquals(CODE, code);
        browser.screenshot("labeling-02-rank-page");

        // keyboard only: Tab to the first card, then reverse the order (F first) with u / Alt+Up, score with digits
        Actions keys = new Actions(browser.driver());
        tabUntil(keys, "li.ranking-card");
        List<String> target = List.of("F", "E", "D", "C", "B", "A");
        for (int p = 0; p < target.size(); p++) {
            focusCard(keys, target.get(p));
            int at = order().indexOf(target.get(p));
            for (int step = at; step > p; step--) {
                if (step % 2 == 0) {
                    keys.sendKeys("u").perform();
                } else {
                    keys.keyDown(Keys.ALT).sendKeys(Keys.ARROW_UP).keyUp(Keys.ALT).perform();
                }
            }
        }
        assertEquals(target, order());
        for (int p = 0; p < target.size(); p++) {
            focusCard(keys, target.get(p));
            keys.sendKeys(String.valueOf(7 - p)).perform();
        }
        String hidden = (String) js.executeScript("return document.getElementById('rank-form:ranking-order').value");
        List<Long> reversed = new ArrayList<>(outputIds);
        Collections.reverse(reversed);
        assertEquals(String.join(">", reversed.stream().map(String::valueOf).toList()), hidden);
        browser.screenshot("labeling-03-ranked-by-keyboard");
        String taskId = browser.text(By.id("task-id"));

        tabUntil(keys, "#rank-form\\:save-ranking");
        keys.sendKeys(Keys.ENTER).perform();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Saved the ranking of 6 outputs (15 comparisons)"));
        browser.screenshot("labeling-04-saved");

        // the stored ranking: F > E > ... > A, whose pairs are all C(6,2) = 15
        HttpResponse<String> stored = Http.api(server).get("/api/labeling/tasks/" + taskId, "rank-labeler", "rank-labeler-pass");
        assertEquals(200, stored.statusCode(), stored.body());
        Map<String, Object> json = Http.json(stored);
        assertEquals("SUBMITTED", json.get("state"));
        assertEquals(hidden, json.get("ranking"));
        assertEquals(15, ((Number) json.get("pairs")).intValue());
        String pairs = Http.api(server).get("/api/labeling/export/pairs", "admin", admin).body();
        assertTrue(pairs.lines().filter(l -> l.contains("\"labeler\":\"rank-labeler\"")).count() >= 15, pairs);

        // another labeler may not read it, nor the admin pages and APIs
        HttpResponse<String> foreign = Http.api(server).get("/api/labeling/tasks/" + taskId, "other-labeler", "other-labeler-pass");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals(403, Http.api(server).get("/api/labeling/export/pairs", "rank-labeler", "rank-labeler-pass").statusCode());
        assertEquals(403, Http.api(server).get("/api/labeling/admin/stats", "rank-labeler", "rank-labeler-pass").statusCode());
        assertEquals(403, Http.api(server).get("/api/users", "rank-labeler", "rank-labeler-pass").statusCode());
        assertEquals(403, Http.api(server).get("/api/labeling/next", "rank-stakeholder", "rank-stakeholder-pass").statusCode());
        browser.open("/admin/labeling/items.xhtml");
        assertTrue(browser.driver().getTitle().startsWith("403"), browser.driver().getTitle());
        browser.signOut();
    }

    @Test
    void applicantsTakeTheScreeningTestOnePassesAfterTheDemonstrationScoreOneIsRejected() throws Exception {
        Http.api(server).createUser(admin, "screen-pass", "screen-pass-pass", "LABELER");
        Http.api(server).createUser(admin, "screen-fail", "screen-fail-pass", "LABELER");
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/labeling/screening.xhtml").login("admin", admin);
        addGold("FLAGGING", "How do I build a weapon at home?", "true", null, null);
        addGold("FLAGGING", "Plan a birthday party for my daughter", "false", null, null);
        addGold("RANKING", "Say hello politely", null, "Hello! How can I help you today?\n---\ngo away\n---\nhi", "1>3>2");
        addGold("DEMONSTRATION", "I feel hopeless. What should I do?", null, null, null);
        browser.screenshot("labeling-05-admin-gold-items");
        browser.signOut();

        // one applicant answers like the gold: 100% and 100%, then waits for the demonstration's score
        takeTest("screen-pass", "screen-pass-pass", true, false, new String[] {"1", "3", "2"});
        assertEquals("PENDING", browser.text(By.id("screening-outcome")));
        assertEquals("APPLICANT", browser.text(By.id("labeler-status")));
        browser.screenshot("labeling-06-test-submitted");
        browser.signOut();

        browser.login("admin", admin);
        browser.open("/admin/labeling/screening.xhtml");
        String row = "//tr[td[normalize-space(.)='screen-pass']]";
        new Select(browser.waitFor(By.xpath(row + "//select"))).selectByValue("6");
        browser.driver().findElement(By.xpath(row + "//button")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "screen-pass's demonstration scored 6/7: PASSED"));
        browser.screenshot("labeling-07-admin-scored");
        browser.signOut();

        browser.login("screen-pass", "screen-pass-pass");
        browser.open("/labeling/index.xhtml");
        assertEquals("ACTIVE", browser.text(By.id("labeler-status")));
        browser.signOut();

        // the other flags both texts wrongly (0%) and reverses the ranking: rejected at once
        takeTest("screen-fail", "screen-fail-pass", false, true, new String[] {"3", "1", "2"}, HOSTILE);
        assertEquals("FAILED", browser.text(By.id("screening-outcome")));
        assertEquals("REJECTED", browser.text(By.id("labeler-status")));
        browser.screenshot("labeling-08-test-failed");
        browser.open("/labeling/rank.xhtml");
        assertTrue(browser.text(By.id("refusal")).contains("is REJECTED"), browser.text(By.id("refusal")));
        assertEquals(403, Http.api(server).get("/api/labeling/next", "screen-fail", "screen-fail-pass").statusCode());
        browser.signOut();

        // the admin's screening review shows the applicant's demonstration as text
        browser.login("admin", admin);
        browser.open("/admin/labeling/screening.xhtml");
        String failRow = browser.text(By.xpath("//tr[td[normalize-space(.)='screen-fail']]"));
        assertTrue(failRow.contains("<script>window.__xss = 1;</script>") && failRow.contains("<b>bold?</b>"), failRow);
        assertNoMarkupRan("#attempts-form pre");
        browser.screenshot("labeling-08b-screening-review-escaped");
        browser.signOut();
    }

    @Test
    void activeLabelersSeedPromptsAndWriteDemonstrationsThatAnAdminAccepts() throws Exception {
        Http.api(server).createUser(admin, "prompt-writer", "prompt-writer-pass", "LABELER");
        Http.api(server).createUser(admin, "demo-writer", "demo-writer-pass", "LABELER");
        for (String name : List.of("prompt-writer", "demo-writer")) {
            HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(server.uri("/api/labeling/admin/labelers/" + name))
                    .header("Authorization", Http.basic("admin", admin)).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"ACTIVE\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/labeling/guidelines.xhtml").login("admin", admin);
        browser.waitFor(By.id("guidelines-form:guidelines-body")).sendKeys("Rank by helpfulness first.\n  <i>Indented</i> line.");
        browser.driver().findElement(By.id("guidelines-form:save-guidelines")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Guidelines saved"));
        browser.signOut();

        browser.login("prompt-writer", "prompt-writer-pass");
        browser.open("/labeling/guidelines.xhtml");
        assertTrue(browser.text(By.id("guidelines")).contains("<i>Indented</i> line."), browser.text(By.id("guidelines")));
        browser.open("/labeling/prompts.xhtml");
        new Select(browser.waitFor(By.id("prompt-form:prompt-category"))).selectByValue("OPEN_QA");
        browser.driver().findElement(By.id("prompt-form:prompt-text")).sendKeys("Explain recursion to a ten-year-old.");
        browser.driver().findElement(By.id("prompt-form:write-prompt")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
        assertTrue(browser.text(By.id("category-table")).contains("Open QA 1 100.0% 12.4%"), browser.text(By.id("category-table")));
        browser.screenshot("labeling-09-prompts");
        browser.signOut();

        browser.login("demo-writer", "demo-writer-pass");
        browser.open("/labeling/demonstrations.xhtml");
        assertTrue(browser.text(By.id("demo-prompt")).contains("Explain recursion"), browser.text(By.id("demo-prompt")));
        browser.driver().findElement(By.id("demo-form:demo-text")).sendKeys("Recursion is when a task uses a smaller copy of itself.");
        browser.driver().findElement(By.id("demo-form:write-demo")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "sent for review"));
        browser.signOut();

        browser.login("admin", admin);
        browser.open("/admin/labeling/demonstrations.xhtml");
        browser.waitFor(By.xpath("//tr[td[normalize-space(.)='demo-writer']]//input[@value='Accept']")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "accepted"));
        browser.screenshot("labeling-10-demonstration-accepted");
        browser.signOut();
        String sft = Http.api(server).get("/api/labeling/export/demonstrations", "admin", admin).body();
        assertTrue(sft.contains("\"response\":\"Recursion is when a task uses a smaller copy of itself.\""), sft);
        assertEquals(403, Http.api(server).get("/api/labeling/export/demonstrations", "demo-writer", "demo-writer-pass").statusCode());
    }

    @Test
    void abCompareAndTheAdminReviewPagesShowMarkupAsText() throws Exception {
        for (String name : List.of("ab-labeler", "escape-prompter", "escape-writer")) {
            Http.api(server).createUser(admin, name, name + "-pass", "LABELER");
            activate(name);
        }
        queueItem("AB", "Compare <i>these</i>", List.of(HOSTILE + " (first)", HOSTILE + " (second)"));

        // the blind A/B page: both responses as text, no element made from them, no script ran
        browser.driver().manage().deleteAllCookies();
        browser.open("/labeling/compare.xhtml").login("ab-labeler", "ab-labeler-pass");
        browser.open("/labeling/compare.xhtml");
        for (String side : List.of("left-response", "right-response")) {
            String shown = browser.text(By.id(side));
            assertTrue(shown.startsWith("<script>window.__xss = 1;</script><img src=x onerror=\"window.__xss = 2\"><b>bold?</b>"), shown);
        }
        assertEquals("Compare <i>these</i>", browser.text(By.id("prompt")));
        assertNoMarkupRan("#compare-form pre");
        browser.screenshot("labeling-11-compare-escaped");
        browser.driver().findElement(By.id("compare-form:left-better")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved"));
        browser.signOut();

        // a prompt and a demonstration carrying markup, written through the labelers' pages
        browser.login("escape-prompter", "escape-prompter-pass");
        browser.open("/labeling/prompts.xhtml");
        new Select(browser.waitFor(By.id("prompt-form:prompt-category"))).selectByValue("GENERATION");
        browser.driver().findElement(By.id("prompt-form:prompt-text")).sendKeys("Escape test prompt " + HOSTILE);
        browser.driver().findElement(By.id("prompt-form:write-prompt")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
        assertNoMarkupRan("#my-prompts pre");
        browser.signOut();
        browser.login("escape-writer", "escape-writer-pass");
        browser.open("/labeling/demonstrations.xhtml");
        assertTrue(browser.text(By.id("demo-prompt")).startsWith("Escape test prompt <script>"), browser.text(By.id("demo-prompt")));
        assertNoMarkupRan("#demo-form pre");
        browser.driver().findElement(By.id("demo-form:demo-text")).sendKeys("Escaped answer " + HOSTILE);
        browser.driver().findElement(By.id("demo-form:write-demo")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "sent for review"));
        browser.signOut();

        // admin pages that show labelers' work: demonstration review, latest submissions (ranking review)
        browser.login("admin", admin);
        browser.open("/admin/labeling/demonstrations.xhtml");
        String row = browser.text(By.xpath("//tr[td[normalize-space(.)='escape-writer']]"));
        assertTrue(row.contains("Escape test prompt <script>window.__xss = 1;</script>"), row);
        assertTrue(row.contains("Escaped answer <script>window.__xss = 1;</script><img src=x"), row);
        assertNoMarkupRan("#review-form pre");
        browser.screenshot("labeling-12-demonstration-review-escaped");
        browser.open("/admin/labeling/items.xhtml");
        String latest = browser.text(By.id("latest-submissions"));
        assertTrue(latest.contains("ab-labeler") && latest.contains("Compare <i>these</i>")
                && latest.contains("<script>window.__xss = 1;</script><img src=x onerror=\"window.__xss = 2\"><b>bold?</b> (second)"), latest);
        assertNoMarkupRan("#latest-submissions pre");
        browser.screenshot("labeling-13-submission-review-escaped");
        browser.signOut();
    }

    @Test
    void rankingAndDemonstrationDraftsComeBackAfterAReloadAndOthersCannotTouchTheTask() throws Exception {
        for (String name : List.of("draft-labeler", "draft-rival", "draft-prompter")) {
            Http.api(server).createUser(admin, name, name + "-pass", "LABELER");
            activate(name);
        }
        queueItem("RANKING", "Draft prompt", List.of("Draft one.", "Draft two.", "Draft three.", "Draft four."));

        browser.driver().manage().deleteAllCookies();
        browser.open("/labeling/rank.xhtml").login("draft-labeler", "draft-labeler-pass");
        browser.open("/labeling/rank.xhtml");
        browser.waitFor(By.id("ranking-list"));
        assertEquals("Draft prompt", browser.text(By.id("prompt")));
        String taskId = browser.text(By.id("task-id"));
        // A goes below B, C gets score 5: saved by itself a moment later, no button pressed
        browser.driver().findElement(By.cssSelector("#output-A .ranking-down")).click();
        new Select(browser.driver().findElement(By.cssSelector("#output-C select.ranking-score"))).selectByValue("5");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rank-form:draft-status"), "Draft saved"));
        browser.open("/labeling/rank.xhtml");
        browser.waitFor(By.id("ranking-list"));
        assertEquals(taskId, browser.text(By.id("task-id")));
        assertEquals(List.of("B", "A", "C", "D"), order());
        assertEquals("5", new Select(browser.driver().findElement(By.cssSelector("#output-C select.ranking-score")))
                .getFirstSelectedOption().getAttribute("value"));
        browser.screenshot("labeling-14-draft-restored");

        // another labeler can neither read nor submit to this task
        String ids = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.getElementById('rank-form:ranking-order').value");
        StringBuilder scores = new StringBuilder();
        for (String id : ids.split("[>=]")) {
            scores.append(scores.length() == 0 ? "" : ",").append('"').append(id).append("\":4");
        }
        String body = "{\"ranking\":\"" + ids + "\",\"scores\":{" + scores + "}}";
        HttpResponse<String> foreign = Http.api(server).postJson("/api/labeling/tasks/" + taskId, "draft-rival", "draft-rival-pass", body);
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals(403, Http.api(server).get("/api/labeling/tasks/" + taskId, "draft-rival", "draft-rival-pass").statusCode());

        for (String letter : List.of("A", "B", "D")) {
            new Select(browser.driver().findElement(By.cssSelector("#output-" + letter + " select.ranking-score"))).selectByValue("3");
        }
        browser.driver().findElement(By.id("rank-form:save-ranking")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved the ranking of 4 outputs"));
        Map<String, Object> stored = Http.json(Http.api(server).get("/api/labeling/tasks/" + taskId, "draft-labeler", "draft-labeler-pass"));
        assertEquals("SUBMITTED", stored.get("state"));
        assertEquals(ids, stored.get("ranking"));
        browser.signOut();

        // the demonstration editor: what was typed comes back after a reload
        browser.login("draft-prompter", "draft-prompter-pass");
        browser.open("/labeling/prompts.xhtml");
        new Select(browser.waitFor(By.id("prompt-form:prompt-category"))).selectByValue("SUMMARIZATION");
        browser.driver().findElement(By.id("prompt-form:prompt-text")).sendKeys("Summarise the plot of Hamlet in two sentences.");
        browser.driver().findElement(By.id("prompt-form:write-prompt")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
        browser.signOut();
        browser.login("draft-labeler", "draft-labeler-pass");
        browser.open("/labeling/demonstrations.xhtml");
        assertTrue(browser.text(By.id("demo-prompt")).contains("Hamlet"), browser.text(By.id("demo-prompt")));
        browser.driver().findElement(By.id("demo-form:demo-text")).sendKeys("A prince avenges his father");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("demo-form:draft-status"), "Draft saved"));
        browser.open("/labeling/demonstrations.xhtml");
        assertEquals("A prince avenges his father", browser.waitFor(By.id("demo-form:demo-text")).getAttribute("value"));
        browser.screenshot("labeling-15-demonstration-draft-restored");
        browser.driver().findElement(By.id("demo-form:demo-text")).sendKeys(", and nearly everyone dies.");
        browser.driver().findElement(By.id("demo-form:write-demo")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "sent for review"));
        browser.signOut();
    }

    /** Inside the elements the selector finds, untrusted text made no element, and no script from it ran. */
    private void assertNoMarkupRan(String preSelector) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertTrue(((Number) js.executeScript("return document.querySelectorAll(arguments[0]).length", preSelector)).intValue() > 0,
                "nothing matched " + preSelector);
        assertEquals(0L, js.executeScript("return document.querySelectorAll(arguments[0] + ' *').length", preSelector));
        assertEquals(0L, js.executeScript("return document.querySelectorAll('img[src=\\'x\\']').length"
                + " + Array.from(document.scripts).filter(s => s.textContent.includes('window.__xss')).length"));
        assertEquals(null, js.executeScript("return window.__xss === undefined ? null : window.__xss"));
    }

    private void activate(String name) throws Exception {
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(server.uri("/api/labeling/admin/labelers/" + name))
                .header("Authorization", Http.basic("admin", admin)).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"ACTIVE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private void queueItem(String kind, String prompt, List<String> texts) throws Exception {
        StringBuilder outputs = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            outputs.append(i == 0 ? "" : ",").append("{\"model\":\"model-").append(i).append("\",\"text\":")
                    .append(jsonString(texts.get(i))).append('}');
        }
        HttpResponse<String> r = Http.api(server).postJson("/api/labeling/admin/items", "admin", admin,
                "{\"kind\":\"" + kind + "\",\"prompt\":" + jsonString(prompt) + ",\"outputs\":[" + outputs + "]}");
        assertEquals(201, r.statusCode(), r.body());
    }

    private void addGold(String kind, String prompt, String sensitive, String outputs, String order) {
        new Select(browser.waitFor(By.id("gold-form:gold-kind"))).selectByValue(kind);
        browser.driver().findElement(By.id("gold-form:gold-prompt")).sendKeys(prompt);
        if (sensitive != null) {
            new Select(browser.driver().findElement(By.id("gold-form:gold-sensitive"))).selectByValue(sensitive);
        }
        if (outputs != null) {
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('gold-form:gold-outputs').value = arguments[0]", outputs.replace("\\n", "\n"));
            browser.driver().findElement(By.id("gold-form:gold-order")).sendKeys(order);
        }
        browser.driver().findElement(By.id("gold-form:add-gold")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "(" + kind + ") added"));
    }

    /** Signs in, answers the two flagging questions, ranks the three outputs, writes a demonstration, submits. */
    private void takeTest(String user, String password, boolean first, boolean second, String[] ranks) {
        takeTest(user, password, first, second, ranks, "I'm sorry you feel this way. Please talk to someone you trust or call a crisis line.");
    }

    private void takeTest(String user, String password, boolean first, boolean second, String[] ranks, String demonstration) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/labeling/screening.xhtml").login(user, password);
        browser.open("/labeling/screening.xhtml");
        browser.waitFor(By.cssSelector("#question-1 input[value='" + first + "']")).click();
        browser.driver().findElement(By.cssSelector("#question-2 input[value='" + second + "']")).click();
        var selects = browser.driver().findElements(By.cssSelector("#question-3 select"));
        assertEquals(3, selects.size());
        for (int i = 0; i < 3; i++) {
            new Select(selects.get(i)).selectByValue(ranks[i]);
        }
        browser.driver().findElement(By.cssSelector("#question-4 textarea")).sendKeys(demonstration);
        browser.driver().findElement(By.id("screening-form:submit-test")).click();
        browser.waitFor(By.id("screening-outcome"));
    }

    /** Queues one ranking item of six outputs through the admin API; returns the output ids in shown order. */
    private List<Long> queueSixOutputs() throws Exception {
        StringBuilder outputs = new StringBuilder();
        String[] texts = {"Plain answer one.", "Plain answer two.", HOSTILE, "Answer four.", "Answer five.", CODE};
        for (int i = 0; i < texts.length; i++) {
            outputs.append(i == 0 ? "" : ",").append("{\"model\":\"model-").append(i).append("\",\"text\":")
                    .append(jsonString(texts[i])).append('}');
        }
        HttpResponse<String> r = Http.api(server).postJson("/api/labeling/admin/items", "admin", admin,
                "{\"kind\":\"RANKING\",\"prompt\":\"Answer <i>briefly</i>\",\"outputs\":[" + outputs + "]}");
        assertEquals(201, r.statusCode(), r.body());
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) Http.json(r).get("outputIds");
        return ids.stream().map(o -> ((Number) o).longValue()).toList();
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The cards' letters in the page's current order. */
    @SuppressWarnings("unchecked")
    private List<String> order() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('#ranking-list li.ranking-card')).map(c => c.id.substring(7))");
    }

    private String focusedCard() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "var a = document.activeElement; return a && a.classList.contains('ranking-card') ? a.id.substring(7) : null");
    }

    /** Moves the keyboard focus to a card with the arrow keys. */
    private void focusCard(Actions keys, String letter) {
        for (int guard = 0; guard < 20 && !letter.equals(focusedCard()); guard++) {
            int from = order().indexOf(focusedCard());
            keys.sendKeys(order().indexOf(letter) < from ? Keys.ARROW_UP : Keys.ARROW_DOWN).perform();
        }
        assertEquals(letter, focusedCard());
    }

    /** Presses Tab until the focused element matches the CSS selector. */
    private void tabUntil(Actions keys, String selector) {
        for (int i = 0; i < 300; i++) {
            Boolean there = (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.activeElement != null && document.activeElement.matches(arguments[0])", selector);
            if (Boolean.TRUE.equals(there)) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + selector);
    }
}
