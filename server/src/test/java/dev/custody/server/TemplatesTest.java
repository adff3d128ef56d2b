package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.project.ProjectId;
import dev.custody.project.ProjectSummary;
import dev.custody.review.ClipCount;
import dev.custody.review.ReviewProgress;
import dev.custody.server.pages.ConsoleRows.FailureRow;
import dev.custody.server.pages.ConsoleRows.GrantRow;
import dev.custody.server.pages.ConsoleRows.KeyRow;
import dev.custody.server.pages.ConsoleRows.KeySchedule;
import dev.custody.server.pages.ConsoleRows.LedgerHealth;
import dev.custody.server.pages.ConsoleRows.RevocationRow;
import dev.custody.server.pages.ConsoleRows.SuspensionRow;
import dev.custody.server.pages.CountChart;
import dev.custody.server.pages.Messages;
import dev.custody.server.pages.Page;
import dev.custody.server.pages.ProjectPage;
import dev.custody.server.pages.TermsPage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The pages render in every shipped language, escape what they are given, and load nothing inline. */
class TemplatesTest {
    private static final List<String> LANGUAGES = Messages.LANGUAGES;
    private static final String HOSTILE = "<script>alert('x')</script>\"&";
    private static final ProjectPage PROJECT = new ProjectPage("prj_1", HOSTILE, "en-GB", List.of(HOSTILE, "Hello."));
    private static final TermsPage TERMS = new TermsPage(
            "prj_1",
            HOSTILE,
            2,
            "ab".repeat(32),
            List.of("asr-training"),
            List.of("voice-cloning"),
            30,
            List.of(HOSTILE),
            List.of("withdrawal", "erasure"),
            List.of("gdpr-art-9-2-a"),
            HOSTILE,
            "2026-03-01T09:00:00Z");

    @Test
    void bothLanguages_haveExactlyTheSameKeys() throws IOException {
        assertThat(keys("messages_es.properties")).isEqualTo(keys("messages.properties"));
    }

    @Test
    void everyVerdictOfTheQualityGate_andEveryRefusalAPageMeets_isPutInWords() {
        var codes = Arrays.stream(ErrorCode.values())
                .filter(code -> code.name().startsWith("AUDIO_"))
                .toList();
        for (String language : LANGUAGES) {
            Messages m = Messages.of(language);
            for (ErrorCode code : codes) {
                assertThat(m.has("error." + code.name()))
                        .as(language + " " + code)
                        .isTrue();
            }
            for (ErrorCode code : List.of(
                    ErrorCode.FORBIDDEN,
                    ErrorCode.UNAUTHENTICATED,
                    ErrorCode.CSRF_REJECTED,
                    ErrorCode.NOT_FOUND,
                    ErrorCode.CONSENT_REQUIRED)) {
                assertThat(m.has("error." + code.name()))
                        .as(language + " " + code)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void everyPage_renders_escapesWhatItIsGiven_andHasNoInlineScriptOrStyle(String language) {
        var signedIn = new Page(Messages.of(language), "csrf-token", "page.js", Optional.of("contributor"));
        var reviewer = new Page(Messages.of(language), "csrf-token", "desk.js", Optional.of("reviewer"));
        var client = new Page(Messages.of(language), "csrf-token", "client.js", Optional.of("client-admin"));
        var officer = new Page(Messages.of(language), "csrf-token", "security.js", Optional.of("security-officer"));
        var anonymous = new Page(Messages.of(language), "", "signin.js", Optional.empty());
        List<String> pages = List.of(
                Templates.landing(anonymous),
                Templates.signUp(anonymous),
                Templates.home(signedIn),
                Templates.error(anonymous, HOSTILE),
                Templates.contributorHome(signedIn),
                Templates.consent(signedIn, TERMS),
                Templates.record(signedIn, PROJECT),
                Templates.clips(signedIn),
                Templates.account(signedIn),
                Templates.reviewerHome(reviewer, List.of(PROJECT)),
                Templates.desk(reviewer, PROJECT),
                Templates.clientHome(
                        client,
                        HOSTILE,
                        List.of(new ProjectSummary(ProjectId.random(), HOSTILE, 1, Instant.EPOCH)),
                        List.of("asr-training")),
                Templates.clientProject(
                        client,
                        PROJECT,
                        2,
                        new ReviewProgress(ProjectId.random(), 1, 2, 0, 0, 1),
                        CountChart.of(
                                List.of(new ClipCount(20_000, 3, 2), new ClipCount(20_001, 1, 0)), day -> HOSTILE),
                        CountChart.of(List.of(), prompt -> HOSTILE)),
                Templates.clientGrants(
                        client,
                        List.of(new GrantRow(HOSTILE, HOSTILE, HOSTILE, HOSTILE, "ACTIVE", HOSTILE, true, 3, 1)),
                        List.of(new RevocationRow(HOSTILE, 1, HOSTILE, HOSTILE))),
                Templates.securityHome(
                        officer,
                        new LedgerHealth(10, 8, HOSTILE, HOSTILE, 61),
                        List.of(new KeyRow(HOSTILE, HOSTILE, 0, HOSTILE)),
                        new KeySchedule(30, "", "", "")),
                Templates.integrity(officer, List.of(new FailureRow(4, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE))),
                Templates.suspensions(officer, List.of(new SuspensionRow(HOSTILE, "RATE_ANOMALY", HOSTILE, ""))));

        for (String html : pages) {
            assertThat(html)
                    .startsWith("<!DOCTYPE html>")
                    .contains("<html lang=\"" + language + "\">")
                    .doesNotContain(HOSTILE)
                    .doesNotContain("<script>")
                    .doesNotContain("<style")
                    .doesNotContain(" style=")
                    .doesNotContainPattern(" on[a-z]+=");
            assertThat(html.split("<script ", -1)).hasSize(2);
        }
        assertThat(pages.get(5)).contains("&lt;script&gt;alert(");
    }

    @Test
    void theSignedInFrame_carriesTheCsrfToken_andTheRolesNavigation() {
        String html = Templates.contributorHome(
                new Page(Messages.of("en"), "token-123", "contributor.js", Optional.of("contributor")));

        assertThat(html)
                .contains("<meta name=\"csrf-token\" content=\"token-123\">")
                .contains("href=\"/contributor/clips\"")
                .contains("id=\"sign-out\"")
                .doesNotContain("href=\"/reviewer\"");
    }

    private static Properties keys(String file) throws IOException {
        var properties = new Properties();
        try (InputStream in = TemplatesTest.class.getResourceAsStream("/web/" + file)) {
            properties.load(in);
        }
        var keysOnly = new Properties();
        properties.stringPropertyNames().forEach(key -> keysOnly.setProperty(key, ""));
        return keysOnly;
    }
}
