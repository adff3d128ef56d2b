package dev.custody.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Money;
import dev.custody.Sha256;
import dev.custody.audio.AudioLimits;
import dev.custody.project.Commission;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ConsentTermsTest {
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final Project PROJECT = new Project(
            new ProjectId("prj_aaaaaaaaaaaaaaaaaaaaaaaaaa"),
            new OrganizationId("org_bbbbbbbbbbbbbbbbbbbbbbbbbb"),
            "Read-aloud",
            List.of("Hello."),
            1,
            Duration.ofDays(365),
            AudioLimits.DEFAULT,
            new Commission("en", 100, 1, 1, Money.parse("0.50", "EUR")),
            new Purposes(Set.of(Purpose.ASR_TRAINING), Set.of(Purpose.VOICE_CLONING)),
            NOW);

    @Test
    void canonicalDocument_isLaidOutLineByLine_andItsHashIsTheSha256OfItsBytes() {
        var terms = ConsentTerms.of(PROJECT, 2, draft("Read me.\nThen agree."), NOW);

        assertThat(terms.canonical()).isEqualTo("""
                        custody-consent-terms/1
                        project prj_aaaaaaaaaaaaaaaaaaaaaaaaaa
                        version 2
                        purpose-allowed asr-training
                        purpose-forbidden voice-cloning
                        retention-ms 31536000000
                        recipient Acme Speech
                        recipient Beta Labs
                        right erasure
                        right withdrawal
                        legal-basis bipa-written-release
                        legal-basis gdpr-art-9-2-a
                        text-bytes 20
                        Read me.
                        Then agree.""");
        assertThat(terms.sha256()).isEqualTo(Sha256.of(terms.canonical().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHash_bindsTheProjectTheVersionAndEveryField() {
        var terms = ConsentTerms.of(PROJECT, 1, draft("Text."), NOW);

        assertThat(ConsentTerms.of(PROJECT, 2, draft("Text."), NOW).sha256()).isNotEqualTo(terms.sha256());
        assertThat(ConsentTerms.of(PROJECT, 1, draft("Text!"), NOW).sha256()).isNotEqualTo(terms.sha256());
        assertThat(ConsentTerms.of(PROJECT, 1, draft("Text."), NOW.plusSeconds(60))
                        .sha256())
                .as("the publication time is not part of the document")
                .isEqualTo(terms.sha256());
    }

    @Test
    void parse_readsBackExactlyWhatWasWritten_unicodeAndBlankLinesIncluded() {
        var terms = ConsentTerms.of(PROJECT, 3, draft("Zoë 日本語 🎙\n\n\tindented\nno final newline"), NOW);

        assertThat(ConsentTerms.parse(terms.canonical(), NOW)).isEqualTo(terms);
    }

    @Test
    void parse_ofADocumentNotInCanonicalForm_failsTheIntegrityCheck() {
        String canonical =
                ConsentTerms.of(PROJECT, 1, draft("Keep for a year."), NOW).canonical();

        for (String altered : List.of(
                canonical.replace("retention-ms 31536000000", "retention-ms 031536000000"),
                canonical.replace("right erasure\n", ""),
                canonical.replace("text-bytes 16", "text-bytes 17"),
                canonical + " ",
                canonical.replace("custody-consent-terms/1", "custody-consent-terms/2"),
                "")) {
            assertCode(() -> ConsentTerms.parse(altered, NOW), ErrorCode.INTEGRITY_FAILURE);
        }
    }

    @Test
    void terms_mustSayWhatTheProjectDoes() {
        var otherPurposes = new TermsDraft(
                Optional.of(new Purposes(Set.of(Purpose.ASR_TRAINING, Purpose.RESEARCH), Set.of())),
                Optional.empty(),
                List.of("Acme"),
                EnumSet.allOf(ConsentRight.class),
                EnumSet.allOf(LegalBasis.class),
                "Text.");
        var otherRetention = new TermsDraft(
                Optional.empty(),
                Optional.of(Duration.ofDays(30)),
                List.of("Acme"),
                EnumSet.allOf(ConsentRight.class),
                EnumSet.allOf(LegalBasis.class),
                "Text.");
        var forbidsMore = new TermsDraft(
                Optional.of(
                        new Purposes(Set.of(Purpose.ASR_TRAINING), Set.of(Purpose.VOICE_CLONING, Purpose.RESEARCH))),
                Optional.of(Duration.ofDays(365)),
                List.of("Acme"),
                EnumSet.allOf(ConsentRight.class),
                EnumSet.allOf(LegalBasis.class),
                "Text.");

        assertCode(() -> ConsentTerms.of(PROJECT, 1, otherPurposes, NOW), ErrorCode.INVALID_INPUT);
        assertCode(() -> ConsentTerms.of(PROJECT, 1, otherRetention, NOW), ErrorCode.INVALID_INPUT);
        assertThat(ConsentTerms.of(PROJECT, 1, forbidsMore, NOW).purposes().forbidden())
                .containsExactlyInAnyOrder(Purpose.VOICE_CLONING, Purpose.RESEARCH);
    }

    @Test
    void drafts_outsideTheBounds_areRefusedWithInvalidInput() {
        var rights = EnumSet.allOf(ConsentRight.class);
        var bases = EnumSet.allOf(LegalBasis.class);
        List<String> one = List.of("Acme");

        assertCode(() -> draft(one, rights, bases, "x".repeat(50_001)), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(one, rights, bases, " \n "), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(one, rights, bases, "Windows\r\nline ends"), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(one, rights, bases, "a bell \u0007"), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(one, rights, bases, "lone \ud800 surrogate"), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(List.of(), rights, bases, "Text."), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(List.of("a".repeat(201)), rights, bases, "Text."), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(List.of("Acme", "Acme"), rights, bases, "Text."), ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(List.of("Acme\nInjected: line"), rights, bases, "Text."), ErrorCode.INVALID_INPUT);
        assertCode(
                () -> draft(one, EnumSet.of(ConsentRight.ACCESS, ConsentRight.ERASURE), bases, "Text."),
                ErrorCode.INVALID_INPUT);
        assertCode(() -> draft(one, rights, EnumSet.noneOf(LegalBasis.class), "Text."), ErrorCode.INVALID_INPUT);
        assertCode(() -> ConsentRight.of("anything"), ErrorCode.INVALID_INPUT);
        assertCode(() -> LegalBasis.of("legitimate-interest"), ErrorCode.INVALID_INPUT);
    }

    @Test
    void standardTerms_stateThePurposesTheRetentionAndTheRightToWithdraw() {
        var terms = ConsentTerms.of(PROJECT, 1, StandardTerms.of(PROJECT, "Acme Speech"), NOW);

        assertThat(terms.text())
                .contains("\"Read-aloud\" of Acme Speech", "asr-training", "voice-cloning", "365 days")
                .contains("withdraw this consent at any time", "GDPR Article 9(2)(a)", "BIPA");
        assertThat(terms.recipients()).containsExactly("Acme Speech");
        assertThat(terms.rights()).containsExactlyInAnyOrder(ConsentRight.values());
        assertThat(terms.legalBases()).containsExactlyInAnyOrder(LegalBasis.values());
    }

    @Test
    void aConsentAct_needsTheBoxTickedAndATypedName() {
        var hash = Sha256.of("terms");
        var project = PROJECT.id();

        assertThat(new ConsentAct(project, 1, hash, "Dana Example", true).typedName())
                .isEqualTo("Dana Example");
        assertCode(() -> new ConsentAct(project, 1, hash, "Dana Example", false), ErrorCode.INVALID_INPUT);
        assertCode(() -> new ConsentAct(project, 1, hash, "   ", true), ErrorCode.INVALID_INPUT);
        assertCode(() -> new ConsentAct(project, 1, hash, "1234", true), ErrorCode.INVALID_INPUT);
        assertCode(() -> new ConsentAct(project, 1, hash, "D".repeat(201), true), ErrorCode.INVALID_INPUT);
        assertCode(() -> new ConsentAct(project, 1, hash, "Dana\u0000", true), ErrorCode.INVALID_INPUT);
        assertCode(() -> new ConsentAct(project, 0, hash, "Dana", true), ErrorCode.INVALID_INPUT);
        assertCode(
                () -> new ConsentAct(project, 1, dev.custody.Bytes.copyOf(new byte[31]), "Dana", true),
                ErrorCode.INVALID_INPUT);
        assertThat(new ConsentAct(project, 1, hash, "Dana Example", true).toString())
                .doesNotContain("Dana");
    }

    private static TermsDraft draft(String text) {
        return draft(
                List.of("Acme Speech", "Beta Labs"),
                EnumSet.of(ConsentRight.WITHDRAWAL, ConsentRight.ERASURE),
                EnumSet.allOf(LegalBasis.class),
                text);
    }

    private static TermsDraft draft(
            List<String> recipients, Set<ConsentRight> rights, Set<LegalBasis> bases, String text) {
        return new TermsDraft(Optional.empty(), Optional.empty(), recipients, rights, bases, text);
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
