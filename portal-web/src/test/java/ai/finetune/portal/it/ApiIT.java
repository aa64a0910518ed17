package ai.finetune.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API and the security rules over plain HTTP, against the shared portal. */
@ExtendWith(SharedPortal.class)
class ApiIT {

    private final PortalServer server;
    private final Http http;
    private final String admin = SharedPortal.adminPassword();

    ApiIT(PortalServer server) {
        this.server = server;
        this.http = Http.api(server);
    }

    @Test
    void readinessReportsTheDatabaseUp() throws Exception {
        HttpResponse<String> r = http.get("/health/ready");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> body = Http.json(r);
        assertEquals("UP", body.get("status"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) body.get("checks");
        assertTrue(checks.stream().anyMatch(c -> "database".equals(c.get("name")) && "UP".equals(c.get("status"))), r.body());
    }

    @Test
    void meNeedsCredentialsAndRejectsAWrongPassword() throws Exception {
        HttpResponse<String> anonymous = http.get("/api/me");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals("application/json", anonymous.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(String.valueOf(Http.json(anonymous).get("message")).contains("authentication required"), anonymous.body());

        HttpResponse<String> wrong = http.get("/api/me", "admin", admin + "x");
        assertEquals(401, wrong.statusCode());
        assertTrue(String.valueOf(Http.json(wrong).get("message")).contains("wrong user name or password"), wrong.body());

        HttpResponse<String> me = http.get("/api/me", "admin", admin);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("admin", Http.json(me).get("name"));
        assertEquals(List.of("ADMIN"), Http.json(me).get("roles"));
    }

    @Test
    void adminCreatesAUserWhoCanUseTheApiButNotTheUserList() throws Exception {
        HttpResponse<String> created = http.postJson("/api/users", "admin", admin,
                "{\"name\":\"api-labeler\",\"password\":\"labeler-pass-1\",\"role\":\"LABELER\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/users/api-labeler"));
        assertEquals("LABELER", Http.json(created).get("role"));

        HttpResponse<String> me = http.get("/api/me", "api-labeler", "labeler-pass-1");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(List.of("LABELER"), Http.json(me).get("roles"));

        HttpResponse<String> list = http.get("/api/users", "api-labeler", "labeler-pass-1");
        assertEquals(403, list.statusCode(), list.body());
        assertEquals("application/json", list.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("Forbidden", Http.json(list).get("error"));
        HttpResponse<String> post = http.postJson("/api/users", "api-labeler", "labeler-pass-1",
                "{\"name\":\"sneaky\",\"password\":\"sneaky-pass-1\",\"role\":\"ADMIN\"}");
        assertEquals(403, post.statusCode(), post.body());

        HttpResponse<String> adminList = http.get("/api/users", "admin", admin);
        assertEquals(200, adminList.statusCode());
        assertTrue(adminList.body().contains("\"api-labeler\""));
        assertTrue(!adminList.body().contains("sneaky") && !adminList.body().contains("password"), adminList.body());
    }

    @Test
    void badRequestsGetJsonErrorsThatSayWhatIsWrong() throws Exception {
        assertError(http.postJson("/api/users", "admin", admin, "{\"name\":\"x1\",\"password\":\"long-enough-1\",\"role\":\"BOSS\"}"),
                400, "role must be one of ADMIN, LABELER, STAKEHOLDER");
        assertError(http.postJson("/api/users", "admin", admin, "{\"name\":\"x1\",\"password\":\"short\",\"role\":\"LABELER\"}"),
                400, "at least 8 characters");
        assertError(http.postJson("/api/users", "admin", admin, "{\"password\":\"long-enough-1\",\"role\":\"LABELER\"}"),
                400, "name is required");
        assertError(http.postJson("/api/users", "admin", admin, "{not json"), 400, "not valid JSON");
        assertError(http.postJson("/api/users", "admin", admin, "[1,2]"), 400, "must be a JSON object");
        http.createUser(admin, "api-dup", "dup-pass-123", "STAKEHOLDER");
        assertError(http.postJson("/api/users", "admin", admin, "{\"name\":\"API-DUP\",\"password\":\"dup-pass-123\",\"role\":\"LABELER\"}"),
                409, "already exists");
        assertError(http.get("/api/nothing-here", "admin", admin), 404, "no such API resource");
    }

    @Test
    void labelerGetsForbiddenOnAnAdminPage() throws Exception {
        http.createUser(admin, "http-labeler", "http-labeler-1", "LABELER");
        Http labeler = Http.signedIn(server, "http-labeler", "http-labeler-1");
        HttpResponse<String> adminPage = labeler.get("/admin/users.xhtml");
        assertEquals(403, adminPage.statusCode());
        assertTrue(adminPage.body().contains("may not open this page"), adminPage.body());
        assertEquals(200, labeler.get("/labeling/index.xhtml").statusCode());

        Http anonymous = Http.session(server);
        HttpResponse<String> redirected = anonymous.get("/admin/users.xhtml");
        assertEquals(302, redirected.statusCode());
        assertTrue(redirected.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    }

    private static void assertError(HttpResponse<String> r, int status, String messagePart) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        Map<String, Object> body = Http.json(r);
        assertEquals((long) status, ((Number) body.get("status")).longValue());
        assertTrue(String.valueOf(body.get("message")).contains(messagePart), r.body());
    }
}
