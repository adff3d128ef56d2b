package dev.custody.server;

import dev.custody.access.ContributorSignUp;
import dev.custody.clip.Clip;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Contributor;
import dev.custody.project.Organization;
import dev.custody.project.Project;
import dev.custody.receipt.SignedReceipt;
import java.util.List;

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

        private static List<String> codes(java.util.Set<dev.custody.project.Purpose> purposes) {
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

    record ConsentView(String id, String contributor, String project, int termsVersion, String givenAt) {
        static ConsentView of(ConsentRecord c) {
            return new ConsentView(
                    c.id().value(),
                    c.contributor().value(),
                    c.project().value(),
                    c.termsVersion(),
                    c.givenAt().toString());
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
}
