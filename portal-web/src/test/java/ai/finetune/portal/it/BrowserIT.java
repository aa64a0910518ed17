package ai.finetune.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The pages in headless Chromium, against the shared portal. Screenshots go to target/screenshots. */
@ExtendWith(SharedPortal.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    private final PortalServer server;
    private final String admin = SharedPortal.adminPassword();
    private Browser browser;

    BrowserIT(PortalServer server) {
        this.server = server;
    }

    @BeforeAll
    void openBrowser() throws Exception {
        browser = new Browser(server);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void adminSignsInAndSeesTheAdminMenu() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/users.xhtml");
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        browser.screenshot("01-login-page");
        browser.login("admin", admin);
        assertEquals("/admin/users.xhtml", browser.path(), "back to the page asked for");
        assertEquals("admin", browser.text(By.id("signed-in-user")).trim());
        assertEquals("ADMIN", browser.text(By.id("signed-in-role")).trim());
        List<String> menu = menuLabels();
        assertTrue(menu.containsAll(List.of("Admin", "Users", "Labeling", "My labeling", "Change password")), menu.toString());
        assertTrue(menu.contains("Datasets"), "the datasets page exists: " + menu);
        assertTrue(menu.contains("Overview") && menu.contains("Leaderboard"), "admins read the dashboards too: " + menu);
        browser.screenshot("02-admin-users");
        browser.signOut();
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login.xhtml").login("admin", "not-the-password");
        assertTrue(browser.path().startsWith("/login.xhtml?error"), browser.path());
        assertTrue(browser.text(By.id("login-error")).contains("Wrong user name or password"));
        browser.screenshot("03-wrong-password");
        browser.open("/");
        assertTrue(browser.path().startsWith("/login.xhtml"), "still signed out: " + browser.path());
    }

    @Test
    void adminCreatesALabelerWhoSignsInAndIsKeptOutOfAdminPages() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.open("/").login("admin", admin);
        browser.open("/admin/users.xhtml");
        browser.waitFor(By.id("usersForm:newName")).sendKeys("ui-labeler");
        browser.driver().findElement(By.id("usersForm:newPassword")).sendKeys("ui-labeler-pass");
        new Select(browser.driver().findElement(By.id("usersForm:newRole"))).selectByValue("LABELER");
        browser.driver().findElement(By.id("usersForm:create")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("usersForm:messages"),
                "Created user 'ui-labeler'"));
        assertTrue(userRowText("ui-labeler").contains("LABELER"));
        browser.screenshot("04-admin-created-user");
        browser.signOut();

        browser.login("ui-labeler", "ui-labeler-pass");
        assertEquals("/", browser.path());
        assertTrue(browser.text(By.id("welcome")).contains("ui-labeler"));
        List<String> menu = menuLabels();
        assertFalse(menu.contains("Admin") || menu.contains("Users"), menu.toString());
        assertTrue(menu.contains("My labeling"), menu.toString());
        browser.open("/labeling/index.xhtml");
        assertEquals("ui-labeler", browser.text(By.id("account-name")));
        assertEquals("Labeler", browser.text(By.id("account-role")));
        browser.screenshot("05-labeler-home");

        browser.open("/admin/users.xhtml");
        assertTrue(browser.text(By.id("error-message")).contains("your role may not open this page"));
        assertTrue(browser.driver().getTitle().startsWith("403"), browser.driver().getTitle());
        browser.screenshot("06-labeler-forbidden");
        browser.signOut();
    }

    @Test
    void adminDisablesReenablesAndResetsAUserWhoThenChangesTheirPassword() throws Exception {
        Http.api(server).createUser(admin, "ui-stakeholder", "stakeholder-pass-1", "STAKEHOLDER");
        Http stakeholderSession = Http.signedIn(server, "ui-stakeholder", "stakeholder-pass-1");
        assertEquals(200, stakeholderSession.get("/").statusCode());
        browser.driver().manage().deleteAllCookies();
        browser.open("/").login("admin", admin);
        browser.open("/admin/users.xhtml");

        clickInRow("ui-stakeholder", "disable");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("usersForm:messages"), "Disabled 'ui-stakeholder'"));
        assertTrue(userRowText("ui-stakeholder").contains("disabled"));
        assertEquals(401, Http.api(server).get("/api/me", "ui-stakeholder", "stakeholder-pass-1").statusCode());
        assertEquals(302, stakeholderSession.get("/").statusCode(), "disabling ends the user's open session at once");

        clickInRow("ui-stakeholder", "enable");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("usersForm:messages"), "Re-enabled 'ui-stakeholder'"));
        assertEquals(200, Http.api(server).get("/api/me", "ui-stakeholder", "stakeholder-pass-1").statusCode());

        clickInRow("ui-stakeholder", "reset");
        browser.waitFor(By.id("usersForm:resetPassword")).sendKeys("reset-by-admin-1");
        browser.driver().findElement(By.id("usersForm:resetSave")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("usersForm:messages"), "New password set for 'ui-stakeholder'"));
        browser.screenshot("07-admin-reset-password");
        browser.signOut();

        browser.login("ui-stakeholder", "stakeholder-pass-1");
        assertTrue(browser.path().startsWith("/login.xhtml?error"), "the old password no longer works");
        browser.login("ui-stakeholder", "reset-by-admin-1");
        assertEquals("/", browser.path());
        List<String> menu = menuLabels();
        assertFalse(menu.contains("Admin") || menu.contains("Labeling"), menu.toString());
        assertTrue(menu.contains("Dashboards") && menu.contains("Win rates"), "stakeholders read the dashboards: " + menu);
        browser.open("/account/password.xhtml");
        browser.waitFor(By.id("passwordForm:current")).sendKeys("reset-by-admin-1");
        browser.driver().findElement(By.id("passwordForm:next")).sendKeys("my-own-password-1");
        browser.driver().findElement(By.id("passwordForm:confirm")).sendKeys("my-own-password-1");
        browser.driver().findElement(By.id("passwordForm:change")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passwordForm:messages"), "Your password has been changed"));
        browser.screenshot("08-own-password-changed");
        browser.signOut();
        browser.login("ui-stakeholder", "my-own-password-1");
        assertEquals("/", browser.path());
        browser.signOut();
    }

    private List<String> menuLabels() {
        return browser.driver().findElements(By.cssSelector("#portalMenu li")).stream()
                .map(WebElement::getText).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private WebElement userRow(String name) {
        return browser.driver().findElement(By.xpath("//tr[.//span[@class='user-name' and text()='" + name + "']]"));
    }

    private String userRowText(String name) {
        return userRow(name).getText();
    }

    private void clickInRow(String name, String buttonId) {
        browser.await().until(d -> !d.findElements(By.xpath("//tr[.//span[@class='user-name' and text()='" + name + "']]")).isEmpty());
        userRow(name).findElement(By.cssSelector("button[id$=':" + buttonId + "']")).click();
    }
}
