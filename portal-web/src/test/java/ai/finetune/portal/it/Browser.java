package ai.finetune.portal.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium through Debian's chromedriver. Both paths are set explicitly, so
 * Selenium Manager never looks for (or downloads) a browser or driver. Override with PORTAL_TEST_CHROMIUM and
 * PORTAL_TEST_CHROMEDRIVER.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = env("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = env("PORTAL_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    private final PortalServer server;
    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final WebDriverWait wait;

    public Browser(PortalServer server) throws IOException {
        this.server = server;
        for (String exe : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(exe).canExecute()) {
                throw new IllegalStateException(exe + " is missing: the browser tests need Debian's chromium and chromedriver "
                        + "(apt-get install -y chromium chromium-driver; .ci/run does this)");
            }
        }
        Path itDir = Path.of(System.getProperty("portal.it.dir", "target/it")).toAbsolutePath();
        Files.createDirectories(itDir);
        profile = Files.createTempDirectory(itDir, "chromium-profile-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(itDir.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--window-size=1280,900", "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static String env(String key, String dflt) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? dflt : v;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(server.baseUrl() + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        String rest = url.startsWith(server.baseUrl()) ? url.substring(server.baseUrl().length()) : url;
        return rest.isEmpty() ? "/" : rest;
    }

    /** Fills and submits the login form (opening it first if needed). */
    public Browser login(String user, String password) {
        if (!path().startsWith("/login.xhtml")) {
            open("/login.xhtml");
        }
        WebElement name = waitFor(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement pw = driver.findElement(By.id("password"));
        pw.clear();
        pw.sendKeys(password);
        String before = driver.getCurrentUrl();
        driver.findElement(By.id("signIn")).click();
        wait.until(d -> !d.getCurrentUrl().equals(before) || !d.findElements(By.id("login-error")).isEmpty());
        return this;
    }

    public Browser signOut() {
        waitFor(By.id("signOutForm:signOut")).click();
        waitFor(By.id("login-signed-out"));
        return this;
    }

    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public String text(By by) {
        return waitFor(by).getText();
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public WebDriverWait await() {
        return wait;
    }

    /** Saves a PNG under target/screenshots/NAME.png. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("portal.screenshots", "target/screenshots")).toAbsolutePath();
        Files.createDirectories(dir);
        Path target = dir.resolve(name + ".png");
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
