package dev.custody.grant;

import dev.custody.Bytes;
import dev.custody.clip.Clip;
import dev.custody.consent.ConsentTerms;
import dev.custody.contributor.ConsentRecord;
import dev.custody.project.Project;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import dev.custody.store.Repositories;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a clip's consent covers a set of data-use purposes: its contributor's live (not withdrawn)
 * consent to the project, and the terms version that consent names, which must allow every purpose
 * and forbid none. Consents recorded before terms were stored as documents are judged by the
 * project's purposes, which those terms stated.
 */
public final class ConsentCoverage {
    private ConsentCoverage() {}

    /** The terms that cover the clip for every purpose, or why they do not. */
    public static Coverage of(Repositories repositories, Clip clip, Set<Purpose> purposes) {
        Optional<ConsentRecord> consent = repositories
                .consents()
                .latest(clip.contributor(), clip.project())
                .filter(found -> found.withdrawnAt().isEmpty());
        if (consent.isEmpty()) {
            return new Coverage(Optional.of(Exclusion.NO_LIVE_CONSENT), 0, Bytes.copyOf(new byte[32]));
        }
        ConsentRecord record = consent.get();
        Purposes terms = repositories
                .consentTerms()
                .find(clip.project(), record.termsVersion())
                .map(ConsentTerms::purposes)
                .or(() -> repositories.projects().find(clip.project()).map(Project::purposes))
                .orElseThrow();
        Optional<Exclusion> gap = Optional.empty();
        for (Purpose purpose : purposes) {
            if (terms.forbidden().contains(purpose)) {
                gap = Optional.of(Exclusion.PURPOSE_FORBIDDEN);
                break;
            }
            if (!terms.allows(purpose)) {
                gap = Optional.of(Exclusion.PURPOSE_NOT_ALLOWED);
            }
        }
        return new Coverage(gap, record.termsVersion(), record.termsHash());
    }

    /** The consent's terms version and hash, and the reason it falls short, if it does. */
    public record Coverage(Optional<Exclusion> gap, int termsVersion, Bytes termsSha256) {}
}
