package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * Swagger UI really runs under the pages' Content-Security-Policy (script-src 'self', no inline script): a coordinator
 * signs in and sees the API rendered, and the browser reports no refused script or style.
 */
@EnabledIf(value = "org.consultflow.Browser#installed",
        disabledReason = "skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing; the browser tests use "
                + "Debian's chromium and chromium-driver")
class ApiDocsBrowserTest extends EmbeddedStackContext {

    @LocalServerPort int port;

    @Test
    void swaggerUiShowsTheApiToASignedInCoordinatorWithinThePolicy() throws Exception {
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        var profile = Files.createTempDirectory("consultflow-chromium");
        var options = new ChromeOptions().setBinary(Browser.CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Browser.CHROMEDRIVER.toFile()).build();
        var driver = new ChromeDriver(service, options);
        try {
            var base = "http://127.0.0.1:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("coordinator");
            driver.findElement(By.id("password")).sendKeys("coordinator");
            driver.findElement(By.cssSelector("button[type=submit]")).click();

            driver.get(base + "/swagger-ui.html");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector(".swagger-ui .info .title")).stream().anyMatch(e -> e.getText()
                    .contains("ConsultFlow API")));
            assertThat(driver.findElements(By.cssSelector(".opblock-tag"))).as("the API's tags").isNotEmpty();
            assertThat(driver.getPageSource()).contains("/api/consultations/{key}/report");

            var console = driver.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(console).as("nothing refused by the policy").noneMatch(
                    entry -> entry.getMessage().contains("Content Security Policy"));
        } finally {
            driver.quit();
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
