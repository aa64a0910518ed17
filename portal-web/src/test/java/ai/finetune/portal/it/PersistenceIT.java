package ai.finetune.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Data survives a restart on the same data dir: on embedded H2, and on PostgreSQL when PORTAL_TEST_PG_URL is set
 * (a JDBC URL such as jdbc:postgresql://localhost:5432/portal_test, with PORTAL_TEST_PG_USER and
 * PORTAL_TEST_PG_PASSWORD; that user needs CREATEDB). Each PostgreSQL run creates a new, empty database, so
 * Flyway migrates from nothing (the portal uses the public schema), and drops it when the test passed.
 */
class PersistenceIT {

    private static final Pattern LOGGED_PASSWORD = Pattern.compile("user: (\\S+)\\s+password: (\\S+)");

    @Test
    void h2UsersSurviveARestartAndFirstStartPasswordsAreLoggedOnce() throws Exception {
        try (PortalServer server = PortalServer.fresh("h2-restart").env("PORTAL_DEMO", "true")) {
            server.start();
            String log = server.log();
            String adminPassword = loggedPassword(log, "admin");
            String demoLabeler = loggedPassword(log, "demo-labeler");
            loggedPassword(log, "demo-stakeholder");
            loggedPassword(log, "demo-admin");
            Http api = Http.api(server);
            assertEquals(200, api.get("/api/me", "admin", adminPassword).statusCode(), "the logged admin password works");
            assertEquals(200, api.get("/api/me", "demo-labeler", demoLabeler).statusCode());
            api.createUser(adminPassword, "kept-user", "kept-user-pass", "STAKEHOLDER");

            server.env("PORTAL_ADMIN_PASSWORD", "ignored-after-first-start").restart();
            String second = server.log();
            assertFalse(LOGGED_PASSWORD.matcher(second).find(), "no password is logged after the first start");
            assertTrue(second.contains("PORTAL_ADMIN_PASSWORD is ignored"), "says why the variable is ignored");
            checkAfterRestart(server, adminPassword, "ignored-after-first-start", "h2");
        }
    }

    @Test
    void postgresqlEmptyDatabaseIsMigratedAndUsersSurviveARestart() throws Exception {
        String url = System.getenv("PORTAL_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            System.out.println("[it] SKIPPED the PostgreSQL persistence test: PORTAL_TEST_PG_URL is not set "
                    + "(e.g. jdbc:postgresql://localhost:5432/portal_test; .ci/run sets it)");
            Assumptions.abort("PORTAL_TEST_PG_URL is not set");
        }
        String user = System.getenv().getOrDefault("PORTAL_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("PORTAL_TEST_PG_PASSWORD", "");
        String database = "portal_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String portalUrl = withDatabase(url, database);
        String adminPassword = "pg-admin-" + UUID.randomUUID();
        boolean passed = false;
        try (PortalServer server = PortalServer.fresh("pg-restart")
                .env("PORTAL_DB_URL", portalUrl).env("PORTAL_DB_USER", user).env("PORTAL_DB_PASSWORD", password)
                .env("PORTAL_ADMIN_PASSWORD", adminPassword)) {
            server.start();
            System.out.printf("[it] PostgreSQL: empty database %s migrated and ready in %.1f s%n", database,
                    server.lastStartTime().toMillis() / 1000.0);
            Http api = Http.api(server);
            assertTrue(api.get("/health/ready").body().contains("PostgreSQL"), "the portal runs on PostgreSQL");
            api.createUser(adminPassword, "kept-user", "kept-user-pass", "STAKEHOLDER");
            try (Connection c = DriverManager.getConnection(portalUrl, user, password); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT success FROM flyway_schema_history WHERE version = '1'")) {
                    assertTrue(rs.next(), "Flyway recorded V1");
                    assertTrue(rs.getBoolean("success"));
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM portal_user")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1), "admin and kept-user are rows in PostgreSQL");
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND LOWER(table_name) LIKE 'jbatch%'")) {
                    rs.next();
                    assertTrue(rs.getInt(1) >= 5, "the Jakarta Batch job repository is in the portal's database: " + rs.getInt(1));
                }
            }
            server.env("PORTAL_ADMIN_PASSWORD", "ignored-after-first-start").restart();
            checkAfterRestart(server, adminPassword, "ignored-after-first-start", "pg");
            passed = true;
        } finally {
            if (passed) {
                try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + database);
                }
            } else {
                System.out.println("[it] kept PostgreSQL database " + database + " for inspection");
            }
        }
    }

    /** The same JDBC URL with another database name: jdbc:postgresql://host:port/NAME?params. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int slash = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        if (hosts < 0 || slash < 0) {
            throw new IllegalArgumentException("PORTAL_TEST_PG_URL must look like jdbc:postgresql://host:port/database: " + url);
        }
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static void checkAfterRestart(PortalServer server, String adminPassword, String ignoredPassword, String tag)
            throws Exception {
        Http api = Http.api(server);
        assertEquals(200, api.get("/api/me", "admin", adminPassword).statusCode(), "admin keeps the first password");
        assertEquals(401, api.get("/api/me", "admin", ignoredPassword).statusCode(), "a later PORTAL_ADMIN_PASSWORD changes nothing");
        assertEquals(200, api.get("/api/me", "kept-user", "kept-user-pass").statusCode(), "the created user survived");
        assertTrue(api.get("/api/users", "admin", adminPassword).body().contains("\"kept-user\""));
        try (Browser browser = new Browser(server)) {
            browser.open("/").login("kept-user", "kept-user-pass");
            assertEquals("kept-user", browser.text(By.id("signed-in-user")).trim());
            browser.screenshot("09-after-restart-" + tag);
        }
    }

    private static String loggedPassword(String log, String user) {
        Matcher m = LOGGED_PASSWORD.matcher(log);
        while (m.find()) {
            if (m.group(1).equals(user)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no password logged for '" + user + "'");
    }
}
