package dev.custody.server;

import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium for the whole test run (Debian's {@code chromium} and {@code
 * chromium-driver}, installed by scripts/install-test-deps), started on first use and quit when the
 * JVM ends: starting a browser costs seconds, so test classes share it and clear its cookies. Its
 * microphone is a file of synthetic speech, and its window is the size of a phone.
 */
final class Chromium {
    static final Dimension PHONE = new Dimension(412, 915);
    /** Seconds of speech in the microphone's file; Chromium plays it in a loop, in real time. */
    static final int SPEECH_SECONDS = 6;

    private static ChromeDriver driver;

    private Chromium() {}

    static synchronized ChromeDriver driver() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return driver;
    }

    /**
     * axe-core's serious and critical accessibility violations on the page as it stands, one line
     * each (rule and elements). axe-core comes from npm, installed by scripts/install-test-deps; it
     * is run by the driver, which the page's Content-Security-Policy does not govern.
     */
    static List<String> accessibilityViolations() {
        Object found = driver().executeAsyncScript(axeSource()
                + ";const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    private static String axeSource() {
        Path axe = Path.of("..", ".test-tools", "node_modules", "axe-core", "axe.min.js");
        try {
            return Files.readString(axe);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is missing: run scripts/install-test-deps", e);
        }
    }

    /** The browser's console since the last call: CSP violations are reported there. */
    static List<String> console() {
        return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }

    private static ChromeDriver start() {
        var options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + speechFile(),
                "--autoplay-policy=no-user-gesture-required",
                "--lang=en-US");
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        var chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(PHONE);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /** Synthetic speech at 48 kHz, written once to a temporary file the browser reads as its microphone. */
    private static String speechFile() {
        try {
            Path file = Files.createTempFile("custody-microphone", ".wav");
            file.toFile().deleteOnExit();
            byte[] wav = WavEncoder.encode(
                    SyntheticSpeech.generate(Duration.ofSeconds(SPEECH_SECONDS), 48_000, 11),
                    48_000,
                    1,
                    SampleEncoding.PCM_16);
            Files.write(file, wav);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
