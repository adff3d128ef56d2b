package dev.custody.server;

import static dev.custody.server.AccessFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Sha256;
import dev.custody.access.CreatedAccount;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.app.PaperConsents;
import dev.custody.audio.SampleEncoding;
import dev.custody.audit.PublishedKeys;
import dev.custody.audit.ReceiptCheck;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.NewGrant;
import dev.custody.ledger.Actor;
import dev.custody.ledger.IntegrityCheck;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import dev.custody.ledger.SuspensionCause;
import dev.custody.project.Purpose;
import dev.custody.receipt.SignedReceipt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real Chromium: recording a clip through the recording page with the browser's
 * fake microphone, the reviewer's desk, the Content-Security-Policy on every page, the languages,
 * and a walk as an attacker. Screenshots of the pages go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesIT {
    private static final Principal ADMIN = Principal.bootstrapAdmin();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    Path temp;
    AccessFixture fixture;
    ChromeDriver browser;
    String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path folder) throws IOException {
        temp = folder;
        fixture = new AccessFixture(temp.resolve("data"));
        browser = Chromium.driver();
        base = "http://127.0.0.1:" + fixture.server.port();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @BeforeEach
    void freshBrowser() {
        open("/?lang=en");
        browser.manage().deleteAllCookies();
        Chromium.console();
    }

    @Test
    void aClipRecordedOnTheRecordingPage_landsEncrypted_withItsDurationFiguresAndAReceiptThatVerifies()
            throws Exception {
        signUpThroughThePage("rec-" + System.nanoTime());
        screenshot("contributor-home");
        browser.findElement(By.id("project-code"))
                .sendKeys(fixture.projectA.id().value());
        browser.findElement(By.cssSelector("#open-project button")).click();
        visible(By.id("consent"));
        screenshot("consent");
        browser.findElement(By.id("typed-name")).sendKeys("Robin Recorder");
        browser.findElement(By.id("agreed")).click();
        browser.findElement(By.cssSelector("#consent button")).click();
        visible(By.id("consent-done"));
        browser.findElement(By.cssSelector("#consent-done a.button")).click();

        visible(By.id("mic-start")).click();
        visible(By.id("record-start")).click();
        // Chromium plays the microphone's file in real time: wait until the page has 2.5 s of it.
        new WebDriverWait(browser, WAIT)
                .until(driver ->
                        Double.parseDouble(driver.findElement(By.id("elapsed")).getDomAttribute("data-seconds"))
                                >= 2.5);
        assertThat(browser.findElement(By.id("hint")).getText()).isEqualTo("Good level.");
        browser.findElement(By.id("record-stop")).click();
        visible(By.id("review-take"));
        screenshot("record");
        double seconds =
                Double.parseDouble(browser.findElement(By.id("elapsed")).getDomAttribute("data-seconds"));
        browser.findElement(By.id("submit")).click();
        String clipId = new WebDriverWait(browser, WAIT).until(driver -> {
            String status = driver.findElement(By.id("status")).getText();
            assertThat(driver.findElement(By.id("status")).getDomProperty("className"))
                    .as(status)
                    .doesNotContain("error");
            return driver.findElement(By.id("sent-text")).getDomAttribute("data-clip");
        });
        visible(By.id("all-done"));
        screenshot("record-sent");

        var clip = fixture.services.contributors().clip(ADMIN, new ClipId(clipId));
        byte[] wav = exportedRecording(clipId);
        assertThat(Sha256.of(wav)).isEqualTo(clip.sha256());
        assertThat(clip.audio().encoding()).isEqualTo(SampleEncoding.PCM_16);
        assertThat(clip.audio().channels()).isEqualTo(1);
        assertThat(clip.audio().sampleRate()).isIn(44_100, 48_000);
        assertThat(clip.audio().frames() * 1000.0 / clip.audio().sampleRate())
                .isCloseTo(seconds * 1000, org.assertj.core.data.Offset.offset(10.0));
        assertThat(clip.quality().rmsDbfs()).isGreaterThan(-45.0);
        assertThat(clip.quality().snrDb()).isGreaterThanOrEqualTo(10.0);
        assertThat(clip.quality().clippingRatio()).isLessThan(0.01);
        assertThat(clip.state()).isEqualTo(ClipState.PENDING_REVIEW);
        var receipt = SignedReceipt.parse(fetchText("/api/v1/me/clips/" + clipId + "/receipt"));
        var keys = PublishedKeys.parse(
                fixture.send("GET", LedgerRoutes.KEYS_PATH, null, null).body());
        assertThat(ReceiptCheck.verify(receipt, keys).subjects().toString()).contains(clipId);
        assertThat(receipt.receipt().audioSha256()).isEqualTo(clip.sha256());
        assertNoFileHolds(Arrays.copyOfRange(wav, wav.length / 2, wav.length / 2 + 64));
        assertThat(Chromium.console()).noneMatch(WebPagesIT::isViolationOrError);

        open("/contributor/clips");
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#clips tbody tr"), 0));
        assertThat(browser.findElement(By.cssSelector("#clips tbody a.receipt")).getDomAttribute("href"))
                .isEqualTo("/api/v1/me/clips/" + clipId + "/receipt");
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#history tbody tr"), 0));
        screenshot("clips");
    }

    @Test
    void everyPage_asItsRole_loadsWithoutACspViolationOrScriptError_orASeriousAccessibilityViolation()
            throws Exception {
        String project = fixture.projectA.id().value();
        List<String> pages = new ArrayList<>(List.of("/", "/sign-up"));
        List<String> failures = new ArrayList<>();
        visit(pages, failures, "public");

        signIn(username(fixture.account(Role.CONTRIBUTOR, Optional.empty())), null);
        visit(
                List.of(
                        "/contributor",
                        "/contributor/projects/" + project,
                        "/contributor/projects/" + project + "/record",
                        "/contributor/clips",
                        "/contributor/account",
                        "/reviewer",
                        "/client",
                        "/security",
                        "/no-such-page"),
                failures,
                "contributor");
        signOut();

        var reviewer = reviewer();
        signIn(username(reviewer), fixture.totp(reviewer, 0));
        visit(List.of("/reviewer", "/reviewer/projects/" + project, "/client", "/security"), failures, "reviewer");
        signOut();

        somethingForTheConsolesToShow();
        var clientAdmin = fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA));
        signIn(username(clientAdmin), totp(clientAdmin));
        visit(List.of("/client", "/client/projects/" + project, "/client/grants"), failures, "client-admin");
        signOut();

        var officer = fixture.account(Role.SECURITY_OFFICER, Optional.empty());
        signIn(username(officer), totp(officer));
        visit(List.of("/security", "/security/integrity", "/security/suspensions"), failures, "security-officer");
        signOut();

        assertThat(failures).isEmpty();
        for (String path : List.of("/", "/contributor", "/static/site.css", "/static/record.js")) {
            var response = get(path, Optional.empty(), "en");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void theReviewerSignsInWithACode_listens_andJudgesWithAKey() {
        var reviewer = reviewer();
        signIn(username(reviewer), fixture.totp(reviewer, 0));
        assertThat(browser.getCurrentUrl()).endsWith("/reviewer");
        screenshot("reviewer-home");
        browser.findElement(By.cssSelector("main a[href^='/reviewer/projects/']"))
                .click();
        visible(By.id("item"));
        new WebDriverWait(browser, WAIT)
                .until(driver -> driver.findElement(By.id("player")).getDomAttribute("src") != null);
        assertThat(browser.findElement(By.id("q-snr")).getText()).endsWith(" dB");
        screenshot("review-desk");
        long acceptedBefore = fixture.services
                .reviews()
                .progress(ADMIN, fixture.projectA.id())
                .accepted();

        new Actions(browser).sendKeys("a").perform();

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("progress"), "1"));
        assertThat(fixture.services
                        .reviews()
                        .progress(ADMIN, fixture.projectA.id())
                        .accepted())
                .isEqualTo(acceptedBefore + 1);
        assertThat(Chromium.console()).noneMatch(WebPagesIT::isViolationOrError);
        screenshot("review-desk-judged");
    }

    @Test
    void theClientAdmin_createsAProjectFromAPromptsFile_andPublishesTerms_throughTheConsole() throws Exception {
        var clientAdmin = fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA));
        signIn(username(clientAdmin), totp(clientAdmin));
        assertThat(browser.getCurrentUrl()).endsWith("/client");
        Principal caller = fixture.services
                .tokens()
                .authenticateWebSession(
                        browser.manage().getCookieNamed(SessionCookie.NAME).getValue());

        Path prompts = temp.resolve("prompts.csv");
        Files.writeString(prompts, "prompt\nThe first prompt.\n\"A second, with a comma.\"\n");
        String name = "Console project " + System.nanoTime();
        browser.findElement(By.id("p-name")).sendKeys(name);
        browser.findElement(By.id("p-prompts"))
                .sendKeys(prompts.toAbsolutePath().toString());
        screenshot("client-create");
        browser.findElement(By.cssSelector("#create-project button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/client/projects/"));
        var created = fixture.services.projects().projects(caller, fixture.orgA).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(browser.getCurrentUrl())
                .endsWith("/client/projects/" + created.id().value());
        assertThat(fixture.services.projects().project(caller, created.id()).prompts())
                .containsExactly("The first prompt.", "A second, with a comma.");

        open("/client/projects/" + fixture.projectA.id().value());
        // Project A has clip A (and its canary): the chart draws a bar for the day they were recorded.
        assertThat(browser.findElements(By.cssSelector("#chart-days rect.collected")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-prompts rect.collected")))
                .isNotEmpty();
        int before = fixture.services
                .projects()
                .project(caller, fixture.projectA.id())
                .consentTermsVersion();
        browser.findElement(By.id("t-text")).sendKeys("We record your voice to train speech recognition.");
        browser.findElement(By.id("t-recipients")).sendKeys("Acme Speech Lab, Acme Research");
        browser.findElement(By.cssSelector("#publish-terms button")).click();
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBe(
                        By.id("status"), "Version " + (before + 1) + " of the terms is published."));
        screenshot("client-project-published");
        assertThat(fixture.services
                        .projects()
                        .project(caller, fixture.projectA.id())
                        .consentTermsVersion())
                .isEqualTo(before + 1);
        assertThat(fixture.services
                        .consent()
                        .currentTerms(caller, fixture.projectA.id())
                        .recipients())
                .containsExactly("Acme Speech Lab", "Acme Research");
        assertThat(Chromium.console()).noneMatch(WebPagesIT::isViolationOrError);

        open("/client/projects/" + fixture.projectB.id().value());
        assertThat(browser.findElement(By.id("error-message")).getText())
                .isEqualTo("You do not have access to this page.");
    }

    @Test
    void theSecurityOfficer_liftsASuspensionThroughTheConsole_andAReviewerIsRefusedBothConsoles() throws Exception {
        var reviewer = reviewer();
        signIn(username(reviewer), fixture.totp(reviewer, 0));
        for (String path : List.of("/client", "/client/grants", "/security", "/security/suspensions")) {
            open(path);
            assertThat(browser.findElement(By.id("error-message")).getText())
                    .isEqualTo("You do not have access to this page.");
        }
        signOut();

        var suspended = fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA))
                .account()
                .principal(Principal.newRequestId());
        fixture.services.suspensions().suspend(suspended, SuspensionCause.CANARY_TOUCHED);
        var officer = fixture.account(Role.SECURITY_OFFICER, Optional.empty());
        signIn(username(officer), totp(officer));
        assertThat(browser.getCurrentUrl()).endsWith("/security");
        open("/security/suspensions");
        String card = "[data-principal='" + suspended.id() + "']";
        browser.findElement(By.cssSelector(card + " button")).click();
        // Unconfirmed, the form does not submit: the suspension holds.
        assertThat(fixture.services.suspensions().list(ADMIN))
                .filteredOn(s -> s.principalId().equals(suspended.id()))
                .singleElement()
                .satisfies(s -> assertThat(s.liftedAt()).isEmpty());
        browser.findElement(By.cssSelector(card + " input[type='checkbox']")).click();
        browser.findElement(By.cssSelector(card + " button")).click();
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(card + " button"), 0));
        screenshot("security-suspension-lifted");
        assertThat(fixture.services.suspensions().list(ADMIN))
                .filteredOn(s -> s.principalId().equals(suspended.id()))
                .singleElement()
                .satisfies(s -> assertThat(s.liftedAt()).isPresent());
        assertThat(Chromium.console()).noneMatch(WebPagesIT::isViolationOrError);
    }

    @Test
    void pagesSpeakTheReadersLanguage_fromTheSwitchOrAcceptLanguage() throws Exception {
        open("/?lang=es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Graba tu voz, con tus condiciones");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("es");
        open("/sign-up");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Crear una cuenta para grabar");
        screenshot("sign-up-es");
        open("/?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Record your voice, on your terms");

        assertThat(get("/", Optional.empty(), "es-MX,es;q=0.9,en;q=0.5").body())
                .contains("<html lang=\"es\">", "Iniciar sesión");
        assertThat(get("/", Optional.empty(), "fr-FR,fr;q=0.9").body()).contains("<html lang=\"en\">");
    }

    @Test
    void anAttacker_getsRefusalPagesInWords_andNothingOfTheProjects_forAnotherRole_aForgedForm_andAReplayedCookie()
            throws Exception {
        var contributor = fixture.account(Role.CONTRIBUTOR, Optional.empty());
        signIn(username(contributor), null);
        String cookie = browser.manage().getCookieNamed(SessionCookie.NAME).getValue();
        Principal signedIn = fixture.services.tokens().authenticateWebSession(cookie);
        PaperConsents.record(fixture.services, signedIn.contributor().orElseThrow(), fixture.projectA.id());

        for (String path : List.of(
                "/reviewer",
                "/reviewer/projects/" + fixture.projectA.id().value(),
                "/client",
                "/client/projects/" + fixture.projectA.id().value(),
                "/client/grants",
                "/security",
                "/security/integrity",
                "/security/suspensions")) {
            open(path);
            assertThat(browser.findElement(By.id("error-message")).getText())
                    .isEqualTo("You do not have access to this page.");
            assertThat(browser.getPageSource()).doesNotContain("Hello there.").doesNotContain("Exception");
            var response = get(path, Optional.of(cookie), "en");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
        screenshot("attacker-forbidden");

        open("/contributor/account");
        // A form the page never makes, posted from the page itself without the CSRF token.
        browser.executeScript("const form = document.createElement('form');"
                + "form.method = 'post'; form.action = '/api/v1/me/withdraw';"
                + "document.body.append(form); form.submit();");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("error-message")));
        assertThat(browser.findElement(By.id("error-message")).getText()).startsWith("This request did not come from");
        screenshot("attacker-csrf");
        assertThat(fixture.services.consent().consents(signedIn))
                .singleElement()
                .satisfies(c -> assertThat(c.consent().withdrawnAt()).isEmpty());

        open("/contributor");
        signOut();
        browser.manage().addCookie(new Cookie(SessionCookie.NAME, cookie, "/"));
        open("/contributor");
        assertThat(browser.findElement(By.id("error-message")).getText()).startsWith("You are not signed in");
        screenshot("attacker-replayed-cookie");
        assertThat(get("/contributor", Optional.of(cookie), "en").statusCode()).isEqualTo(401);
    }

    // --- the browser ---

    private void open(String path) {
        browser.get(base + path);
    }

    private WebElement visible(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void signIn(String username, String totp) {
        open("/");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        if (totp != null) {
            browser.findElement(By.id("totp")).sendKeys(totp);
        }
        browser.findElement(By.cssSelector("#sign-in button")).click();
        new WebDriverWait(browser, WAIT).until(driver -> !driver.getCurrentUrl().equals(base + "/"));
    }

    private void signOut() {
        open("/home");
        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, WAIT).until(driver -> driver.getCurrentUrl().equals(base + "/"));
    }

    private void signUpThroughThePage(String username) {
        open("/sign-up");
        browser.findElement(By.id("name")).sendKeys("Robin Recorder");
        browser.findElement(By.id("email")).sendKeys("robin@example.org");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#sign-up button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(base + "/contributor"));
    }

    private void visit(List<String> paths, List<String> failures, String role) {
        for (String path : paths) {
            open(path);
            // The page's modules have run once the document is complete and the network is quiet.
            new WebDriverWait(browser, WAIT)
                    .until(driver -> "complete".equals(browser.executeScript("return document.readyState")));
            screenshot(role + path.replaceAll("[^a-z0-9]+", "-"));
            for (String violation : Chromium.accessibilityViolations()) {
                failures.add(role + " " + path + ": accessibility: " + violation);
            }
            for (String line : Chromium.console()) {
                if (isViolationOrError(line)) {
                    failures.add(role + " " + path + ": " + line);
                }
            }
        }
    }

    /** A CSP violation or a script error; the 403/404 of a refused page load is expected here. */
    private static boolean isViolationOrError(String line) {
        return line.contains("Content Security Policy")
                || line.contains("Uncaught")
                || line.contains("SyntaxError")
                || line.contains("TypeError");
    }

    /** The recording as the contributor takes it back: from their data export, fetched by the page. */
    private byte[] exportedRecording(String clipId) throws IOException {
        Object base64 = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                        + "let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });",
                "/api/v1/me/export");
        try (var zip =
                new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("recordings/") && entry.getName().contains(clipId)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new AssertionError("the export holds no recording of " + clipId);
    }

    /** A GET from the page, with its session cookie: what the signed-in person can download. */
    private String fetchText(String path) {
        return (String) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];" + "fetch(arguments[0]).then(r => r.text()).then(done);",
                path);
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the server, directly ---

    private HttpResponse<String> get(String path, Optional<String> cookie, String language)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", language);
        cookie.ifPresent(value -> request.header("Cookie", SessionCookie.NAME + "=" + value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertNoFileHolds(byte[] window) throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(file), window))
                        .as("plaintext audio in %s", file)
                        .isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private CreatedAccount reviewer() {
        var reviewer = fixture.account(Role.REVIEWER, Optional.empty());
        fixture.services
                .reviewers()
                .assign(ADMIN, fixture.projectA.id(), reviewer.account().id());
        return reviewer;
    }

    /** A grant of organization A, its consumer suspended by the egress guard, an integrity failure. */
    private void somethingForTheConsolesToShow() {
        var consumer =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();
        fixture.services
                .grants()
                .create(
                        ADMIN,
                        fixture.orgA,
                        new NewGrant(
                                fixture.projectA.id(),
                                consumer.id(),
                                Set.of(Purpose.ASR_TRAINING),
                                fixture.clock.instant().plus(Duration.ofDays(90)),
                                new GrantBudget(1_000_000, 1_000_000, 1_000_000, 10, 10, 10),
                                new BuyerCommitments(7, true, true, true)));
        fixture.services
                .suspensions()
                .suspend(consumer.principal(Principal.newRequestId()), SuspensionCause.RATE_ANOMALY);
        fixture.services
                .integrity()
                .raise(
                        IntegrityCheck.RECEIPT,
                        List.of(new Subject(SubjectKind.CLIP, fixture.clipA)),
                        Actor.system(),
                        Principal.newRequestId());
    }

    /** The account's current code, for a role that signs in with one; null for one that does not. */
    private String totp(CreatedAccount account) {
        return account.totpEnrolment().map(uri -> fixture.totp(uri, 0)).orElse(null);
    }

    private static String username(CreatedAccount account) {
        return account.account().username().value();
    }
}
