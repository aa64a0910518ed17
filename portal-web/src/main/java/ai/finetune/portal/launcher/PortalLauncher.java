package ai.finetune.portal.launcher;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Main class of {@code finetune-portal.jar}: turns the {@code PORTAL_*} environment variables into Payara Micro
 * options and system properties, then hands over to Payara Micro's own main class.
 *
 * <p>It uses only the JDK: it runs before Payara Micro has built its class loaders. System properties of the
 * same name ({@code -Dportal.http.port=...}) win over the environment; explicit Payara Micro options given on the
 * command line win over everything (they are appended last).
 */
public final class PortalLauncher {

    private PortalLauncher() {
    }

    public static void main(String[] args) throws Exception {
        LaunchSettings settings;
        try {
            settings = LaunchSettings.resolve(System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("finetune-portal: " + e.getMessage());
            System.exit(2);
            return;
        }
        prepareDirectories(settings);
        copyConsoleToLogFile(settings.dataDir().resolve("logs").resolve("portal.log"));
        settings.systemProperties().forEach(System::setProperty);

        List<String> payaraArgs = new ArrayList<>(settings.payaraArguments());
        payaraArgs.addAll(Arrays.asList(args));
        System.out.println("finetune-portal: port " + settings.httpPort() + ", data dir " + settings.dataDir()
                + ", database " + settings.databaseDescription());

        Class<?> payara = Class.forName("fish.payara.micro.PayaraMicro");
        Method main = payara.getMethod("main", String[].class);
        main.invoke(null, (Object) payaraArgs.toArray(new String[0]));
    }

    /** Everything printed to the console is also appended to {@code <data dir>/logs/portal.log}. */
    private static void copyConsoleToLogFile(Path logFile) throws IOException {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
        Object lock = new Object();
        System.setOut(new PrintStream(new Tee(System.out, file, lock), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err, file, lock), true, StandardCharsets.UTF_8));
    }

    /** Writes to the console stream and the shared log file. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream file;
        private final Object lock;

        Tee(OutputStream console, OutputStream file, Object lock) {
            this.console = console;
            this.file = file;
            this.lock = lock;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (lock) {
                console.write(b);
                file.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (lock) {
                console.write(b, off, len);
                file.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                console.flush();
                file.flush();
            }
        }
    }

    private static void prepareDirectories(LaunchSettings settings) throws IOException {
        // Payara's root dir is derived state, rebuilt from the jar at every start. Kept from a previous start, it
        // made Payara deploy the application from the old domain.xml and then deploy the jar's copy over it: the
        // portal answered /health/ready and then 404s/503s for the seconds of that redeploy.
        deleteTree(settings.payaraRootDir());
        for (Path dir : List.of(settings.dataDir(), settings.payaraRootDir(), settings.dataDir().resolve("logs"),
                settings.dataDir().resolve("db"))) {
            Files.createDirectories(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Everything the launcher derives from the environment; pure, so that unit tests can check it. */
    public record LaunchSettings(int httpPort, Path dataDir, String dbUrl, String dbDriverClass,
                                 String dbUser, String dbPassword) {

        public static final String H2_DRIVER = "org.h2.jdbcx.JdbcDataSource";
        public static final String POSTGRES_DRIVER = "org.postgresql.xa.PGXADataSource";
        /** Credentials of the embedded H2 file: it is only reachable through the data dir, which is what to protect. */
        public static final String H2_USER = "portal";
        public static final String H2_PASSWORD = "portal-embedded-h2";

        public static LaunchSettings resolve(Map<String, String> env, java.util.Properties sys) {
            int port = parsePort(setting(env, sys, "PORTAL_HTTP_PORT", "8080"));
            Path dataDir = Path.of(setting(env, sys, "PORTAL_DATA_DIR", "./portal-data")).toAbsolutePath().normalize();
            String url = setting(env, sys, "PORTAL_DB_URL", null);
            String user = setting(env, sys, "PORTAL_DB_USER", null);
            String password = setting(env, sys, "PORTAL_DB_PASSWORD", null);
            String driver = setting(env, sys, "PORTAL_DB_DRIVER", null);
            if (url == null) {
                // LOCK_TIMEOUT: the labeling queue claims items under row locks; with H2's default of 1 s a claim on
                // a busy machine failed with a 500 instead of waiting its turn (50-labeler load test).
                url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("portal") + ";MODE=LEGACY;LOCK_TIMEOUT=10000";
                if (user == null) {
                    user = H2_USER;
                }
                if (password == null) {
                    password = H2_PASSWORD;
                }
            }
            if (driver == null) {
                driver = driverFor(url);
            }
            if (url.startsWith("jdbc:postgresql:") && url.toLowerCase(java.util.Locale.ROOT).contains("currentschema=")) {
                // Payara's Jakarta Batch runs SET SCHEMA 'public' on the shared pool's connections: a portal schema
                // elsewhere would vanish from under the application after the first batch call.
                throw new IllegalArgumentException("PORTAL_DB_URL must not set currentSchema: the portal uses the public "
                        + "schema (Jakarta Batch keeps its job repository there and resets pooled connections to it); "
                        + "give the portal a database of its own instead");
            }
            if (user == null || password == null) {
                throw new IllegalArgumentException("PORTAL_DB_USER and PORTAL_DB_PASSWORD must be set when PORTAL_DB_URL is set ("
                        + redact(url) + ")");
            }
            return new LaunchSettings(port, dataDir, url, driver, user, password);
        }

        static String driverFor(String url) {
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRES_DRIVER;
            }
            if (url.startsWith("jdbc:h2:")) {
                return H2_DRIVER;
            }
            throw new IllegalArgumentException("PORTAL_DB_URL must start with jdbc:postgresql: or jdbc:h2: (or set "
                    + "PORTAL_DB_DRIVER to an XADataSource class on the class path): " + redact(url));
        }

        private static String setting(Map<String, String> env, java.util.Properties sys, String envName, String dflt) {
            String prop = sys.getProperty(envName.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
            if (prop != null && !prop.isBlank()) {
                return prop;
            }
            String value = env.get(envName);
            return value == null || value.isBlank() ? dflt : value;
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PORTAL_HTTP_PORT must be a port number from 1 to 65535, not '" + value + "'");
            }
        }

        /** The URL without anything after '?' or ';' that might hold a password. */
        static String redact(String url) {
            int cut = url.length();
            for (char c : new char[] {'?', ';'}) {
                int i = url.indexOf(c);
                if (i >= 0 && i < cut) {
                    cut = i;
                }
            }
            return url.substring(0, cut);
        }

        public Path payaraRootDir() {
            return dataDir.resolve("payara");
        }

        public String databaseDescription() {
            return redact(dbUrl);
        }

        /** System properties read by the application through MicroProfile Config (names as in microprofile-config.properties). */
        public Map<String, String> systemProperties() {
            return Map.of(
                    "portal.http.port", Integer.toString(httpPort),
                    "portal.data.dir", dataDir.toString(),
                    "portal.db.url", dbUrl,
                    "portal.db.driver", dbDriverClass,
                    "portal.db.user", dbUser,
                    "portal.db.password", dbPassword);
        }

        public List<String> payaraArguments() {
            return List.of(
                    "--port", Integer.toString(httpPort),
                    "--rootdir", payaraRootDir().toString(),
                    "--nohazelcast",
                    "--disablephonehome");
        }
    }
}
