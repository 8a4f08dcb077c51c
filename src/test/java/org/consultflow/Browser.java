package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven the way a keyboard user works: Tab to reach things, arrows and Space for radios,
 * Enter to follow links and press buttons. Never a mouse click, never a downloaded browser or driver.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    Browser(Path screenshots) throws IOException {
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("consultflow-chromium");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1024,900",
                "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String url) {
        driver.get(url);
    }

    String title() {
        return driver.getTitle();
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the element has focus: proof that the keyboard reaches it, in page order. */
    WebElement tabTo(By target) {
        var element = driver.findElement(target);
        for (int i = 0; i < 100; i++) {
            if (element.equals(focused())) {
                return element;
            }
            keys(Keys.TAB);
        }
        return fail("Tab never reached " + target);
    }

    /** Tabs into the radio group, then uses the arrow keys and Space, as a keyboard user chooses an option. */
    void choose(String group, String optionId) {
        for (int i = 0; i < 100 && !group.equals(focused().getAttribute("name")); i++) {
            keys(Keys.TAB);
        }
        var option = driver.findElement(By.id(optionId));
        for (int i = 0; i < 10 && !option.equals(focused()); i++) {
            keys(Keys.ARROW_DOWN);
        }
        assertThat(option).as("arrow keys reach " + optionId).isEqualTo(focused());
        if (!option.isSelected()) {
            keys(Keys.SPACE);
        }
        assertThat(option.isSelected()).isTrue();
    }

    /** Replaces the focused field's text by typing, as a person would after selecting all of it. */
    void type(By field, String text) {
        tabTo(field);
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE, text)
                .perform();
    }

    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses Enter on whatever has focus and waits for what should follow. */
    void enter(ExpectedCondition<?> then) {
        keys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(then);
    }

    /** axe-core on the page as it stands: no serious or critical violation, with every finding named when there is. */
    void assertAccessible(String page) {
        var results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
        var bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(bad).as("serious or critical accessibility violations on " + page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                + rule.getNodes().stream().map(node -> node.getHtml()).collect(Collectors.joining(" | "));
    }

    /** Renders the page as it prints (or back, with "screen"), so the print stylesheet can be checked. */
    void media(String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** The whole page, not only the window: what a reader of the docs should see. */
    void screenshot(String name) {
        var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        var size = (Map<String, Object>) metrics.get("cssContentSize");
        var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", ((Number) size.get("width")).doubleValue(),
                        "height", ((Number) size.get("height")).doubleValue(), "scale", 1)));
        try {
            Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
