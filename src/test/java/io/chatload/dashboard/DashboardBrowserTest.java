package io.chatload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.sandbox.Scale;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver): after two sandbox loads and one
 * that failed, the plot has one point per load and a failure mark per failed load, and every table shows the row
 * count SQL counts. Leaves a screenshot in target/dashboard.png. Skipped when Chromium is absent, unless
 * CHATLOAD_REQUIRE_BROWSER=true (as .ci/run sets it).
 */
class DashboardBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    @Test
    void thePlotHasAPointPerLoadAndEveryTableItsRowCount() throws Exception {
        requireBrowser();
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withSeed(5).withScale(Scale.TINY));
        try (TestPipeline p = LoadedPipeline.loaded(sandbox, dir, 2, Map.of("chatload.http.max-attempts", "1"))) {
            sandbox.close(); // the third load finds no API: a failed load for the plot to mark
            LoadSummary failed = p.runOnce("chaport.operators");
            assertTrue(failed.failed(), String.join("\n", failed.lines()));
            try (Connection c = p.destination.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE chaport_data.notes (id INT, text VARCHAR(200))");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO chaport_data.notes VALUES (1, ?)")) {
                    insert.setString(1, HOSTILE);
                    insert.executeUpdate();
                }
            }
            int port = LoadedPipeline.freePort();
            Main main = Dashboard.serve(p.destination, "127.0.0.1", port);
            main.start();
            long started = System.nanoTime();
            ChromeDriver browser = browser();
            try {
                browser.get(Dashboard.url("127.0.0.1", port));
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                        "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
                assertFalse(browser.findElement(By.id("error")).isDisplayed(), browser.findElement(By.id("error")).getText());

                JavascriptExecutor js = browser;
                long loads = LoadedPipeline.loadCount(p);
                assertEquals(3, loads);
                assertEquals(loads, ((Number) js.executeScript("return window.chatloadDashboard.plot.data[0].length")).longValue(),
                        "one point per load");
                assertEquals(loads, ((Number) js.executeScript(
                        "return window.chatloadDashboard.plot.data[1].filter(v => v !== null).length")).longValue(),
                        "each load has its rows");
                long failedLoads = Truth.count(p.destination.dataSource(), "SELECT COUNT(DISTINCT load_id) FROM "
                        + "chaport_data._chatload_loads WHERE status = 'FAILED'");
                assertEquals(1, failedLoads);
                assertEquals(failedLoads, ((Number) js.executeScript(
                        "return window.chatloadDashboard.plot.data[3].filter(v => v !== null).length")).longValue(),
                        "a mark per failed load");
                WebElement canvas = browser.findElement(By.cssSelector("#plot canvas"));
                assertTrue(canvas.getSize().getWidth() > 300 && canvas.getSize().getHeight() > 100, "uPlot drew its canvas");

                List<WebElement> sections = browser.findElements(By.cssSelector("#tables section.table"));
                List<Map<String, Object>> tables = Truth.query(p.destination.dataSource(), "SELECT LOWER(TABLE_SCHEMA) AS S, "
                        + "LOWER(TABLE_NAME) AS T FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) IN ('chaport_data', 'chatforma_data')");
                assertEquals(tables.size(), sections.size(), "a section per table");
                Map<String, Long> shown = new HashMap<>();
                for (WebElement section : sections) {
                    shown.put(section.getDomAttribute("data-table"),
                            Long.parseLong(section.findElement(By.cssSelector("h3 .rows")).getText()));
                }
                for (Map<String, Object> table : tables) {
                    String name = table.get("s") + "." + table.get("t");
                    assertEquals(LoadedPipeline.rows(p, (String) table.get("s"), (String) table.get("t")), shown.get(name),
                            name + " shows its row count");
                }

                browser.findElement(By.cssSelector("section[data-table='chaport_data.notes'] summary")).click();
                WebElement notes = browser.findElement(By.cssSelector("section[data-table='chaport_data.notes'] table.sample"));
                assertTrue(notes.getText().contains(HOSTILE), "markup in a record is shown as text: " + notes.getText());
                assertEquals(Boolean.TRUE, js.executeScript("return window.pwned === undefined"), "and never runs");

                // the screenshot shows one table opened, with its columns and sample
                browser.findElement(By.cssSelector("section[data-table='chaport_data.visitors'] summary")).click();
                long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
                browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 8000)));
                js.executeScript("window.scrollTo(0, 0)");
                Files.createDirectories(SCREENSHOT.getParent());
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
                System.out.printf("dashboard in the browser: %.1f s; screenshot %s%n", (System.nanoTime() - started) / 1e9,
                        SCREENSHOT.toAbsolutePath());
            } finally {
                browser.quit();
                main.stop();
            }
        }
    }

    /** Skips with a message without Chromium, unless CHATLOAD_REQUIRE_BROWSER=true makes its absence a failure. */
    private static void requireBrowser() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("CHATLOAD_REQUIRE_BROWSER"))) {
            fail("CHATLOAD_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        assumeTrue(present, "the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install -y chromium chromium-driver");
    }

    private ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1600");
        // the driver Debian installs with the browser: Selenium downloads nothing
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
