package ai.finetune.portal.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.json.Json;

/** Small HTTP client for the tests: HTTP Basic calls to the API, or a browser-like session with cookies. */
public final class Http {

    private static final Json JSON = new Json();
    private final PortalServer server;
    private final HttpClient client;

    private Http(PortalServer server, HttpClient client) {
        this.server = server;
        this.client = client;
    }

    /** Stateless client: no cookies, no redirects followed. */
    public static Http api(PortalServer server) {
        return new Http(server, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A session signed in through the login form (POST /login); fails if the login does not succeed. */
    public static Http signedIn(PortalServer server, String user, String password) throws IOException, InterruptedException {
        Http http = new Http(server, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build());
        HttpResponse<String> r = http.formLogin(user, password);
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("login of '" + user + "' failed: " + r.statusCode() + " -> " + location);
        }
        return http;
    }

    public static Http session(PortalServer server) {
        return new Http(server, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    public HttpResponse<String> formLogin(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String user, String password, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a user through the API as admin; asserts 201. */
    public void createUser(String adminPassword, String name, String password, String role) throws IOException, InterruptedException {
        HttpResponse<String> r = postJson("/api/users", "admin", adminPassword,
                "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        if (r.statusCode() != 201) {
            throw new AssertionError("creating '" + name + "' failed: " + r.statusCode() + " " + r.body());
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(HttpResponse<String> r) {
        return JSON.toType(r.body(), Map.class);
    }

    public static Object jsonValue(String body) {
        return JSON.toType(body, Object.class);
    }
}
