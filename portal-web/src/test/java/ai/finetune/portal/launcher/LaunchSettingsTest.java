package ai.finetune.portal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.portal.launcher.PortalLauncher.LaunchSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    @Test
    void defaultsAreEmbeddedH2InPortalDataOnPort8080() {
        LaunchSettings s = LaunchSettings.resolve(Map.of(), new Properties());
        assertEquals(8080, s.httpPort());
        assertEquals(Path.of("portal-data").toAbsolutePath().normalize(), s.dataDir());
        assertEquals("jdbc:h2:file:" + s.dataDir().resolve("db/portal") + ";MODE=LEGACY;LOCK_TIMEOUT=10000", s.dbUrl());
        assertEquals(LaunchSettings.H2_DRIVER, s.dbDriverClass());
        assertEquals(s.dataDir().resolve("payara"), s.payaraRootDir());
        assertTrue(s.payaraArguments().containsAll(java.util.List.of("--nohazelcast", "--disablephonehome", "--rootdir")));
        assertEquals("8080", s.payaraArguments().get(s.payaraArguments().indexOf("--port") + 1));
    }

    @Test
    void postgresqlUrlSelectsTheXaDataSourceAndNeedsCredentials() {
        Map<String, String> env = Map.of("PORTAL_DB_URL", "jdbc:postgresql://db:5432/portal", "PORTAL_DB_USER", "portal",
                "PORTAL_DB_PASSWORD", "secret", "PORTAL_HTTP_PORT", "9090", "PORTAL_DATA_DIR", "/srv/portal");
        LaunchSettings s = LaunchSettings.resolve(env, new Properties());
        assertEquals(LaunchSettings.POSTGRES_DRIVER, s.dbDriverClass());
        assertEquals(9090, s.httpPort());
        assertEquals(Path.of("/srv/portal"), s.dataDir());
        assertEquals("secret", s.systemProperties().get("portal.db.password"));
        assertEquals(LaunchSettings.POSTGRES_DRIVER, s.systemProperties().get("portal.db.driver"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaunchSettings.resolve(
                Map.of("PORTAL_DB_URL", "jdbc:postgresql://db/portal?password=hunter2"), new Properties()));
        assertTrue(e.getMessage().contains("PORTAL_DB_USER"));
        assertFalse(e.getMessage().contains("hunter2"), "the URL is redacted in messages");
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        Properties p = new Properties();
        p.setProperty("portal.http.port", "7000");
        LaunchSettings s = LaunchSettings.resolve(Map.of("PORTAL_HTTP_PORT", "9090"), p);
        assertEquals(7000, s.httpPort());
    }

    @Test
    void badValuesAreRefusedWithAClearMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.resolve(Map.of("PORTAL_HTTP_PORT", "eighty"), new Properties()))
                .getMessage().contains("PORTAL_HTTP_PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.resolve(Map.of("PORTAL_HTTP_PORT", "70000"), new Properties()))
                .getMessage().contains("1 to 65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaunchSettings.resolve(
                Map.of("PORTAL_DB_URL", "jdbc:mysql://x/y", "PORTAL_DB_USER", "a", "PORTAL_DB_PASSWORD", "b"), new Properties()))
                .getMessage().contains("jdbc:postgresql:"));
    }

    @Test
    void postgresqlSchemasOtherThanPublicAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaunchSettings.resolve(Map.of(
                "PORTAL_DB_URL", "jdbc:postgresql://db/portal?currentSchema=portal", "PORTAL_DB_USER", "a",
                "PORTAL_DB_PASSWORD", "b"), new Properties()));
        assertTrue(e.getMessage().contains("currentSchema"));
    }

    @Test
    void redactCutsQueryAndH2Settings() {
        assertEquals("jdbc:postgresql://h/db", LaunchSettings.redact("jdbc:postgresql://h/db?user=a&password=b"));
        assertEquals("jdbc:h2:file:/x/db", LaunchSettings.redact("jdbc:h2:file:/x/db;PASSWORD=x"));
    }
}
