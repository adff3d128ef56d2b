package dev.custody.server;

import dev.custody.Bytes;
import dev.custody.access.ContributorSignUp;
import dev.custody.clip.Clip;
import dev.custody.consent.ConsentRight;
import dev.custody.consent.ConsentTerms;
import dev.custody.consent.LegalBasis;
import dev.custody.consent.Withdrawal;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Contributor;
import dev.custody.project.Organization;
import dev.custody.project.Project;
import dev.custody.receipt.SignedConsentReceipt;
import dev.custody.receipt.SignedReceipt;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of the API's responses: plain values only, nothing secret, no names of people. */
final class Views {
    private Views() {}

    record OrganizationView(String id, String name, String createdAt) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id().value(), o.name(), o.createdAt().toString());
        }
    }

    record ProjectView(
            String id,
            String organization,
            String name,
            List<String> prompts,
            int consentTermsVersion,
            long retentionDays,
            long maxUploadBytes,
            String language,
            int targetClips,
            int clipsPerPrompt,
            int reviewCount,
            String payPerAcceptedClip,
            String currency,
            List<String> purposesAllowed,
            List<String> purposesForbidden,
            String createdAt) {
        static ProjectView of(Project p) {
            var commission = p.commission();
            return new ProjectView(
                    p.id().value(),
                    p.organization().value(),
                    p.name(),
                    p.prompts(),
                    p.consentTermsVersion(),
                    p.retention().toDays(),
                    p.limits().maxUploadBytes(),
                    commission.language(),
                    commission.targetClips(),
                    commission.clipsPerPrompt(),
                    commission.reviewCount(),
                    commission.payPerAcceptedClip().decimal(),
                    commission.payPerAcceptedClip().currency().getCurrencyCode(),
                    codes(p.purposes().allowed()),
                    codes(p.purposes().forbidden()),
                    p.createdAt().toString());
        }

        static List<String> codes(java.util.Set<dev.custody.project.Purpose> purposes) {
            return purposes.stream()
                    .sorted()
                    .map(dev.custody.project.Purpose::code)
                    .toList();
        }
    }

    /** Who the caller is: account id, role, organization, and a contributor's own pseudonym. */
    record MeView(String id, String role, String organization, String pseudonym) {
        static MeView of(dev.custody.access.Principal p) {
            return new MeView(
                    p.id(),
                    p.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    p.organization().map(org -> org.value()).orElse(null),
                    p.contributor().map(c -> c.value()).orElse(null));
        }
    }

    /** What a contributor learns on signing up: their account and their pseudonym. */
    record SignedUpView(String account, String username, String pseudonym) {
        static SignedUpView of(ContributorSignUp.SignedUp s) {
            return new SignedUpView(
                    s.account().id().value(),
                    s.account().username().value(),
                    s.pseudonym().value());
        }
    }

    record ContributorView(String pseudonym, String state, String createdAt, String erasedAt) {
        static ContributorView of(Contributor c) {
            return new ContributorView(
                    c.pseudonym().value(),
                    c.state().name(),
                    c.createdAt().toString(),
                    c.erasedAt().map(Object::toString).orElse(null));
        }
    }

    /** A consent in the contributor's export; {@code recordedByStaff} marks one recorded from a paper form. */
    record ConsentView(
            String id, String contributor, String project, int termsVersion, String givenAt, boolean recordedByStaff) {
        static ConsentView of(ConsentRecord c) {
            return new ConsentView(
                    c.id().value(),
                    c.contributor().value(),
                    c.project().value(),
                    c.termsVersion(),
                    c.givenAt().toString(),
                    c.recordedByStaff());
        }
    }

    record QualityView(double clippingRatio, double rmsDbfs, double silenceRatio, double snrDb) {}

    record ClipView(
            String id,
            String project,
            String contributor,
            int promptIndex,
            String container,
            String encoding,
            int sampleRate,
            int channels,
            long durationMillis,
            long originalBytes,
            String sha256,
            QualityView quality,
            String state,
            String createdAt) {
        static ClipView of(Clip c) {
            var q = c.quality();
            return new ClipView(
                    c.id().value(),
                    c.project().value(),
                    c.contributor().value(),
                    c.promptIndex(),
                    c.audio().container().name(),
                    c.audio().encoding().name(),
                    c.audio().sampleRate(),
                    c.audio().channels(),
                    c.audio().duration().toMillis(),
                    c.originalBytes(),
                    c.sha256().hex(),
                    new QualityView(q.clippingRatio(), q.rmsDbfs(), q.silenceRatio(), q.snrDb()),
                    c.state().name(),
                    c.createdAt().toString());
        }
    }

    /** An accepted clip with its receipt, as text the contributor can keep and verify offline. */
    record IngestView(ClipView clip, String receipt) {
        static IngestView of(Clip clip, SignedReceipt receipt) {
            return new IngestView(ClipView.of(clip), receipt.toText());
        }
    }

    record ErasureView(String contributor, int erasedClips) {}

    /** One version of a project's consent terms, with the hash a contributor consents to. */
    record TermsView(
            String project,
            int version,
            String sha256,
            List<String> purposesAllowed,
            List<String> purposesForbidden,
            long retentionDays,
            List<String> recipients,
            List<String> rights,
            List<String> legalBases,
            String text,
            String publishedAt) {
        static TermsView of(ConsentTerms t) {
            return new TermsView(
                    t.project().value(),
                    t.version(),
                    t.sha256().hex(),
                    ProjectView.codes(t.purposes().allowed()),
                    ProjectView.codes(t.purposes().forbidden()),
                    t.retention().toDays(),
                    t.recipients(),
                    t.rights().stream().map(ConsentRight::code).sorted().toList(),
                    t.legalBases().stream().map(LegalBasis::code).sorted().toList(),
                    t.text(),
                    t.publishedAt().toString());
        }
    }

    /**
     * A contributor's consent; {@code receipt} is its signed text, to keep and verify offline. {@code
     * recordedByStaff} marks a consent that staff recorded from a signed paper form ({@code
     * paperFormSha256}, the scanned form's SHA-256) rather than the contributor's own signature.
     */
    record MyConsentView(
            String id,
            String project,
            int termsVersion,
            String termsSha256,
            String givenAt,
            boolean withdrawn,
            String withdrawnAt,
            boolean recordedByStaff,
            String paperFormSha256,
            String receipt) {
        static MyConsentView of(ConsentRecord c, Optional<SignedConsentReceipt> receipt) {
            return new MyConsentView(
                    c.id().value(),
                    c.project().value(),
                    c.termsVersion(),
                    c.termsHash().hex(),
                    c.givenAt().toString(),
                    !c.active(),
                    c.withdrawnAt().map(Object::toString).orElse(null),
                    c.recordedByStaff(),
                    c.paperFormSha256().map(Bytes::hex).orElse(null),
                    receipt.map(SignedConsentReceipt::toText).orElse(null));
        }

        /** A consent just given, from its receipt. */
        static MyConsentView given(SignedConsentReceipt signed) {
            var c = signed.receipt();
            return new MyConsentView(
                    c.consent().value(),
                    c.project().value(),
                    c.termsVersion(),
                    c.termsSha256().hex(),
                    c.givenAt().toString(),
                    false,
                    null,
                    c.recordedByStaff(),
                    c.paperFormSha256().map(Bytes::hex).orElse(null),
                    signed.toText());
        }
    }

    /** What a withdrawal did: the consents withdrawn and the recordings erased. */
    record WithdrawalView(List<String> withdrawnConsents, int erasedClips) {
        static WithdrawalView of(Withdrawal w) {
            return new WithdrawalView(
                    w.withdrawn().stream().map(c -> c.id().value()).toList(), w.erasedClips());
        }
    }
}
