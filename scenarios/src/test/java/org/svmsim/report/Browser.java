package org.svmsim.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through its own chromedriver (so Selenium never looks for a browser
 * to download). {@link #missing()} says why a test cannot run here.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("svmsim.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("svmsim.chromedriver", "/usr/bin/chromedriver"));

  final ChromeDriver driver;

  Browser(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1900", "--user-data-dir=" + profile.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /** Why no browser test can run here, or null when chromium and chromedriver are installed. */
  static String missing() {
    for (Path p : List.of(CHROMIUM, DRIVER)) {
      if (!Files.isExecutable(p)) {
        return p + " is not installed: the report's browser tests need Debian's chromium and chromium-driver"
            + " (apt-get install chromium chromium-driver; .ci/run installs them)";
      }
    }
    return null;
  }

  /** Opens {@code page} and waits until the report says it has drawn everything. */
  void open(Path page) {
    driver.get(page.toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(
        ((ChromeDriver) d).executeScript("return !!(window.svmReport && (svmReport.ready || svmReport.errors.length))")));
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** The console's errors since the last call (warnings and info are left out). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  void screenshot(Path file) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** A picture of one element of the page (a section), for the README's tour. */
  void screenshot(String css, Path file) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    File shot = driver.findElement(org.openqa.selenium.By.cssSelector(css)).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
