package ai.finetune.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String header(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUserAndPasswordWithColonsAndUtf8() {
        BasicCredentials c = BasicCredentials.parse(header("anna:pa:ss wörd")).orElseThrow();
        assertEquals("anna", c.username());
        assertEquals("pa:ss wörd", c.password());
        assertTrue(BasicCredentials.parse("basic " + Base64.getEncoder().encodeToString("a:b".getBytes())).isPresent());
        assertFalse(c.toString().contains("wörd"), "toString hides the password");
    }

    @Test
    void rejectsOtherSchemesAndGarbage() {
        assertFalse(BasicCredentials.parse(null).isPresent());
        assertFalse(BasicCredentials.parse("Bearer abc").isPresent());
        assertFalse(BasicCredentials.parse("Basic !!!notbase64").isPresent());
        assertFalse(BasicCredentials.parse(header("no-colon")).isPresent());
        assertFalse(BasicCredentials.parse(header(":empty-user")).isPresent());
    }

    @Test
    void loginRedirectTargetsStayInsideTheApplication() {
        assertTrue(PortalPaths.isSafeLocalTarget("", "/admin/users.xhtml"));
        assertTrue(PortalPaths.isSafeLocalTarget("/portal", "/portal/index.xhtml?x=1"));
        assertFalse(PortalPaths.isSafeLocalTarget("", "//evil.example/x"));
        assertFalse(PortalPaths.isSafeLocalTarget("", "https://evil.example/"));
        assertFalse(PortalPaths.isSafeLocalTarget("/portal", "/other/x"));
        assertFalse(PortalPaths.isSafeLocalTarget("", "/\\evil"));
        assertTrue(PortalPaths.isApi("/api/users"));
        assertTrue(PortalPaths.isApi("/api"));
        assertFalse(PortalPaths.isApi("/apix"));
    }

    @Test
    void randomPasswordsAreLongAndDiffer() {
        String a = RandomPasswords.generate();
        String b = RandomPasswords.generate();
        assertEquals(20, a.length());
        assertFalse(a.equals(b));
        assertTrue(a.matches("[a-zA-Z2-9]+"));
    }
}
