package ai.finetune.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Whether the application itself answers on its HTTP port: {@code GET /login} must come back as the login
 * servlet's redirect. Checked until it succeeds once, then remembered. Without a known port (a WAR deployed
 * without the launcher) the check is skipped.
 */
@ApplicationScoped
public class SelfCheck {

    @Inject
    @ConfigProperty(name = "portal.http.port")
    Optional<Integer> port;

    private volatile boolean answered;
    private HttpClient client;

    public boolean applicationAnswers() {
        if (answered || port.isEmpty()) {
            return true;
        }
        try {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                        .followRedirects(HttpClient.Redirect.NEVER).build();
            }
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/login"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            answered = r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/login.xhtml");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return answered;
    }
}
