package ai.finetune.portal.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real portal: {@code java -jar target/finetune-portal.jar} in a child process, on a free port, with its own
 * data dir under target/it/. {@link #start()} returns once {@code /health/ready} says the database is UP.
 */
public final class PortalServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("portal.it.startTimeoutSeconds", 420));

    private final String name;
    private final Path dataDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Path> logs = new ArrayList<>();
    private Process process;
    private int port;
    private Duration lastStartTime;

    public PortalServer(String name, Path dataDir) {
        this.name = name;
        this.dataDir = dataDir;
    }

    /** A server with a fresh, empty data dir {@code target/it/<name>-<time>}. */
    public static PortalServer fresh(String name) throws IOException {
        Path root = Path.of(System.getProperty("portal.it.dir", "target/it")).toAbsolutePath();
        Files.createDirectories(root);
        return new PortalServer(name, Files.createTempDirectory(root, name + "-"));
    }

    public PortalServer env(String key, String value) {
        if (value == null) {
            env.remove(key);
        } else {
            env.put(key, value);
        }
        return this;
    }

    public synchronized PortalServer start() throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("already running");
        }
        Path jar = Path.of(System.getProperty("portal.jar", "target/finetune-portal.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar at " + jar + ": run 'mvn verify' (the package phase builds it)");
        }
        port = freePort();
        Path log = dataDir.getParent().resolve(dataDir.getFileName() + "-start" + (logs.size() + 1) + ".log");
        logs.add(log);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PORTAL_"));
        pb.environment().put("PORTAL_HTTP_PORT", Integer.toString(port));
        pb.environment().put("PORTAL_DATA_DIR", dataDir.toString());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        awaitReady(log);
        lastStartTime = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("[it] portal '%s' ready on port %d in %.1f s (data dir %s)%n", name, port,
                lastStartTime.toMillis() / 1000.0, dataDir);
        return this;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal exited with code " + process.exitValue() + " before it was ready.\n"
                        + tail(log, 60));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                // Ready means ready: the first authenticated request after this must succeed (PersistenceIT restarts
                // and calls /api/me at once). A restart used to answer UP and then 404 during a redeploy; the
                // launcher now starts Payara from a fresh root dir.
                if (r.statusCode() == 200 && r.body().contains("\"database\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        stop();
        throw new IllegalStateException("The portal was not ready within " + START_TIMEOUT.toSeconds() + " s; last answer: "
                + last + "\n" + tail(log, 60));
    }

    /** Stops the process (SIGTERM, so that Payara and H2 shut down cleanly), waits for it to end. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        process = null;
    }

    public PortalServer restart() throws IOException, InterruptedException {
        stop();
        return start();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Duration lastStartTime() {
        return lastStartTime;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Everything the server printed since its latest start. */
    public String log() throws IOException {
        return Files.readString(logs.get(logs.size() - 1), StandardCharsets.UTF_8);
    }

    private static String tail(Path log, int lines) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "--- last lines of " + log + " ---\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
