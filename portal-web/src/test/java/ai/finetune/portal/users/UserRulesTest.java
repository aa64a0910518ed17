package ai.finetune.portal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserRulesTest {

    @Test
    void usernamesAreNormalizedAndChecked() {
        assertEquals("anna.b", UserRules.checkUsername("  Anna.B "));
        assertEquals("x1", UserRules.checkUsername("x1"));
        for (String bad : new String[] {null, "", "a", "-lead", "has space", "ümlaut", "x".repeat(65)}) {
            UserException e = assertThrows(UserException.class, () -> UserRules.checkUsername(bad), String.valueOf(bad));
            assertEquals(UserException.Kind.INVALID, e.kind());
        }
    }

    @Test
    void passwordsNeedEightCharacters() {
        UserRules.checkPassword("12345678");
        assertTrue(assertThrows(UserException.class, () -> UserRules.checkPassword("1234567")).getMessage().contains("at least 8"));
        assertTrue(assertThrows(UserException.class, () -> UserRules.checkPassword(null)).getMessage().contains("required"));
        assertTrue(assertThrows(UserException.class, () -> UserRules.checkPassword("        ")).getMessage().contains("spaces"));
        assertThrows(UserException.class, () -> UserRules.checkPassword("x".repeat(257)));
    }

    @Test
    void rolesAreParsedCaseInsensitively() {
        assertEquals(Role.LABELER, UserRules.checkRole("labeler"));
        assertEquals(Role.STAKEHOLDER, UserRules.checkRole(" STAKEHOLDER "));
        UserException e = assertThrows(UserException.class, () -> UserRules.checkRole("root"));
        assertTrue(e.getMessage().contains("ADMIN, LABELER, STAKEHOLDER"));
        assertTrue(assertThrows(UserException.class, () -> UserRules.checkRole(null)).getMessage().contains("required"));
    }
}
