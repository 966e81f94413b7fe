package id.pasar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.onboarding.SellerFixtures;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The auditor dashboard in a real browser (Debian's chromium and chromium-driver,
 * headless) against the running application on PostgreSQL: an auditor signs in, every
 * figure shown is the API's, a CSV downloads as the API gives it, the chain verifies, the
 * language switches, and no page logs a console error or a Content-Security-Policy
 * violation. Screenshots of every page at 1,366 px and 390 px go to
 * {@code target/screenshots/}. Without chromium the test fails under CI (CI=true) and is
 * skipped elsewhere.
 */
@IntegrationTest
class AuditorDashboardIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("pasar.chromium", "/usr/bin/chromium"));

    private static final Path CHROMEDRIVER = Path.of(System.getProperty("pasar.chromedriver", "/usr/bin/chromedriver"));

    private static final List<String> PAGES = List.of("sellers", "listings", "decisions", "exposure", "access");

    private static final int[] WIDTHS = { 1366, 390 };

    @LocalServerPort
    int port;

    Api api;

    ChromeDriver browser;

    Path downloads;

    Path profile;

    String auditorEmail;

    String auditor;

    @BeforeEach
    void setUp() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("AuditorDashboardIT needs Debian's chromium and chromium-driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": .ci/run installs them (apt-get install -y chromium chromium-driver)");
        }
        assumeTrue(installed, "chromium or chromedriver is not installed: apt-get install -y chromium chromium-driver");

        api = new Api(port);
        // data to show: a pending and a verified seller, a published listing, a staff
        // read
        api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201);
        CatalogFixtures.Seller seller = CatalogFixtures.verifiedSeller(api);
        CatalogFixtures.publishedListing(api, seller, CatalogFixtures.listing("Kain Tenun Ikat Sumba"));
        api.get("/api/v1/compliance/sellers/" + seller.sellerId())
            .bearer(api.newStaffAccount("COMPLIANCE_OFFICER"))
            .header("X-Access-Reason", "Dashboard browser test")
            .send()
            .expect(200);
        auditorEmail = "auditor-" + UUID.randomUUID() + "@example.id";
        api.post("/api/v1/admin/users", Map.of("email", auditorEmail, "password", "auditor-password", "displayName",
                "Auditor", "role", "AUDITOR"))
            .bearer(api.adminToken())
            .send()
            .expect(201);
        auditor = api.token(auditorEmail, "auditor-password");

        downloads = Files.createTempDirectory("auditor-downloads");
        profile = Files.createTempDirectory("auditor-chromium");
        browser = startBrowser();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (Path dir : new Path[] { downloads, profile }) {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
    }

    private ChromeDriver startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no network on CI's machine: without these Chromium's background connections
        // fail
        // noisily
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=id");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return driver;
    }

    @Test
    void anAuditorSeesTheApisFiguresInARealBrowser() throws Exception {
        String base = "http://localhost:" + port;
        browser.get(base + "/auditor/");
        shoot("signin");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");

        browser.findElement(By.id("email")).sendKeys(auditorEmail);
        browser.findElement(By.id("password")).sendKeys("auditor-password");
        browser.findElement(By.id("signin")).click();
        String period = period();

        // sellers
        open("sellers");
        JsonNode sellers = json("/api/v1/compliance/reports/sellers" + period);
        for (String figure : List.of("totalSellers", "verifiedSellers", "verifiedShare", "rejectedApplications",
                "rejectedCrossBorder", "revokedSellers")) {
            assertSame(value("[data-figure='sellers." + figure + "']"), sellers.get(figure), figure);
        }
        sellers.get("byDocumentType")
            .properties()
            .forEach(e -> assertSame(value("#sellers-by-document tr[data-key='" + e.getKey() + "'] td"), e.getValue(),
                    e.getKey()));
        sellers.get("byUmkmClass")
            .properties()
            .forEach(e -> assertSame(value("#sellers-by-class tr[data-key='" + e.getKey() + "'] td"), e.getValue(),
                    e.getKey()));
        for (JsonNode province : sellers.get("byProvince")) {
            String code = province.get("provinceCode").asString();
            assertSame(value("#sellers-by-province tr[data-key='" + code + "'] td"), province.get("sellers"), code);
        }
        assertThat(rows("#sellers-by-province")).isEqualTo(Math.max(1, sellers.get("byProvince").size()));

        // the CSV the API gives, downloaded as it is
        browser.findElement(By.cssSelector("#page-sellers button[data-csv='sellers']")).click();
        Path csv = awaitDownload("seller-report.csv");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
            .isEqualTo(api.get("/api/v1/compliance/reports/sellers" + period)
                .bearer(auditor)
                .header("Accept", "text/csv")
                .send()
                .expect(200)
                .body());

        // listings, the rule set and the re-check
        open("listings");
        JsonNode listings = json("/api/v1/compliance/reports/listings" + period);
        assertSame(value("#without-pass"), listings.get("publishedWithoutPass"), "publishedWithoutPass");
        assertThat(browser.findElement(By.id("without-pass-box")).getAttribute("class")).as("red above zero only")
            .contains(listings.get("publishedWithoutPass").asLong() > 0 ? "alarm" : "headline")
            .doesNotContain(listings.get("publishedWithoutPass").asLong() > 0 ? "none" : "alarm");
        for (String figure : List.of("publishedNow", "checks", "passed", "rejected")) {
            assertSame(value("[data-figure='listings." + figure + "']"), listings.get(figure), figure);
        }
        listings.get("byReason")
            .properties()
            .forEach(e -> assertSame(value("#listings-by-reason tr[data-key='" + e.getKey() + "'] td"), e.getValue(),
                    e.getKey()));
        assertThat(value("[data-figure='ruleSet.activeRuleSet']"))
            .isEqualTo(listings.get("activeRuleSetVersion").asString());
        assertThat(browser.findElement(By.id("recheck-progress")).getAttribute("data-state"))
            .isEqualTo(listings.get("recheck").get("state").asString());
        assertThat(browser.findElement(By.id("recheck-text")).getText())
            .contains(listings.get("recheck").get("ruleSetVersion").asString());

        // the decision log and its verification
        open("decisions");
        JsonNode decisions = json("/api/v1/compliance/decisions" + period + "&size=50");
        assertThat(rows("#decisions-table")).isEqualTo(Math.max(1, decisions.get("items").size()));
        if (!decisions.get("items").isEmpty()) {
            JsonNode first = decisions.get("items").get(0);
            assertThat(value("#decisions-table tbody tr:first-child td:last-child"))
                .isEqualTo(first.get("hash").asString());
        }
        browser.findElement(By.id("verify")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("head-hash")).isEmpty());
        JsonNode verification = json("/api/v1/compliance/decisions/verification");
        assertThat(value("#head-hash")).isEqualTo(verification.get("headHash").asString());
        assertThat(value("[data-figure='verification.result']")).isEqualTo("true");
        assertSame(value("[data-figure='verification.entries']"), verification.get("entries"), "entries");

        // exposure: charts, and the suppressed groups shown as such
        open("exposure");
        JsonNode exposure = json("/api/v1/compliance/reports/exposure" + period);
        assertThat(browser.findElements(By.cssSelector("#class-chart canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#province-chart canvas"))).isNotEmpty();
        checkShares("#exposure-by-class", exposure.get("byUmkmClass"), "umkmClass");
        checkShares("#exposure-by-province", exposure.get("byProvince"), "provinceCode");

        // the staff data-access log and its filter
        open("access");
        JsonNode access = json("/api/v1/compliance/reports/data-access" + period + "&size=50");
        assertThat(rows("#access-table")).isEqualTo(Math.max(1, access.get("items").size()));
        String sellerId = access.get("items").get(access.get("items").size() - 1).get("sellerId").asString();
        browser.findElement(By.id("seller-id")).sendKeys(sellerId);
        browser.findElement(By.cssSelector("#access-filter button[type='submit']")).click();
        awaitLoaded("access");
        JsonNode filtered = json("/api/v1/compliance/reports/data-access" + period + "&size=50&sellerId=" + sellerId);
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(d -> rows("#access-table") == filtered.get("items").size());
        assertThat(browser.findElements(By.cssSelector("#access-table tbody tr td:nth-child(4)")))
            .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo(sellerId));
        browser.findElement(By.id("seller-id")).clear();
        browser.findElement(By.cssSelector("#access-filter button[type='submit']")).click();
        awaitLoaded("access");

        // screenshots of every page at both widths, in Indonesian
        for (int width : WIDTHS) {
            for (String page : PAGES) {
                open(page);
                shoot(page + "-" + width, width);
            }
        }

        // English at a switch
        browser.findElement(By.id("lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        awaitLoaded(currentPage());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pasar auditor dashboard");
        assertThat(browser.findElement(By.cssSelector(".tabs a[data-page='sellers']")).getText()).isEqualTo("Sellers");
        open("listings");
        assertThat(browser.findElement(By.id("without-pass-label")).getText()).isEqualTo("Published without a PASS");
        shoot("listings-en-1366", 1366);

        assertNoConsoleErrors();
    }

    private String period() {
        String from = browser.findElement(By.id("from")).getAttribute("value");
        String to = browser.findElement(By.id("to")).getAttribute("value");
        assertThat(from).matches("\\d{4}-\\d{2}-\\d{2}");
        return "?from=" + from + "&to=" + to;
    }

    private void checkShares(String table, JsonNode groups, String keyField) {
        for (JsonNode group : groups) {
            String key = group.get(keyField).asString();
            List<WebElement> cells = browser.findElements(By.cssSelector(table + " tr[data-key='" + key + "'] td"));
            assertThat(cells).as(key).hasSize(5);
            assertSame(cells.get(0).getAttribute("data-value"), group.get("sellers"), key + " sellers");
            String[] shares = { "listingsShare", "impressionsShare", "detailViewsShare", "ordersShare" };
            for (int i = 0; i < shares.length; i++) {
                if (group.get("suppressed").asBoolean()) {
                    assertThat(cells.get(i + 1).getAttribute("data-value")).as(key).isEqualTo("suppressed");
                    assertThat(cells.get(i + 1).getText()).as(key).isEqualTo("disembunyikan");
                }
                else {
                    assertSame(cells.get(i + 1).getAttribute("data-value"), group.get(shares[i]),
                            key + " " + shares[i]);
                }
            }
        }
    }

    private JsonNode json(String path) {
        return api.get(path).bearer(auditor).send().expect(200).json();
    }

    private static void assertSame(String shown, JsonNode expected, String what) {
        if (expected == null || expected.isNull()) {
            assertThat(shown).as(what).isEmpty();
            return;
        }
        assertThat(shown).as(what).isNotNull().isNotEmpty();
        assertThat(new BigDecimal(shown)).as(what + ": shown " + shown + ", API " + expected)
            .isEqualByComparingTo(new BigDecimal(expected.asString()));
    }

    private String value(String css) {
        return browser.findElement(By.cssSelector(css)).getAttribute("data-value");
    }

    private int rows(String table) {
        return browser.findElements(By.cssSelector(table + " tbody tr")).size();
    }

    private String currentPage() {
        String hash = (String) browser.executeScript("return location.hash");
        return hash.isEmpty() ? "sellers" : hash.substring(1);
    }

    private void open(String page) {
        By link = By.cssSelector(".tabs a[data-page='" + page + "']");
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(link).isDisplayed());
        }
        catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no page " + page + "; the browser said: " + browserLog(), e);
        }
        browser.findElement(link).click();
        awaitLoaded(page);
    }

    private void awaitLoaded(String page) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            WebElement body = d.findElement(By.tagName("body"));
            return page.equals(body.getAttribute("data-loaded")) && body.getAttribute("data-loading") == null
                    && d.findElement(By.id("page-" + page)).isDisplayed();
        });
        assertThat(browser.findElement(By.id("load-error")).getText()).as(page).isEmpty();
    }

    private Path awaitDownload(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return Files.exists(file) && files.noneMatch(p -> p.toString().endsWith(".crdownload"));
            }
            catch (IOException e) {
                return false;
            }
        });
        return file;
    }

    private void shoot(String name) throws IOException {
        shoot(name + "-1366", 1366);
        shoot(name + "-390", 390);
    }

    /**
     * The whole page at a width: the viewport is made as tall as the page, then shot.
     */
    private void shoot(String name, int width) throws IOException {
        emulate(width, 900);
        // the charts follow the window's width
        ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('resize'))");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        emulate(width, Math.min(8000, height.intValue()));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("auditor-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        emulate(width, 900);
    }

    private void emulate(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
    }

    private List<String> browserLog() {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        return lines;
    }

    private void assertNoConsoleErrors() {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() || message.contains("Content Security Policy")
                    || message.contains("Content-Security-Policy")) {
                problems.add(entry.getLevel() + " " + message);
            }
        }
        assertThat(problems).as("browser console errors and CSP violations").isEmpty();
    }

}
