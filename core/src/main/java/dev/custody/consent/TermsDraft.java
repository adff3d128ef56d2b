package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.project.Purposes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Consent terms as a client-admin writes them, before they are published as a version of a
 * project's terms ({@link ConsentTerms}). The purposes and the retention default to the project's;
 * given, they must agree with it. Every field is validated here: 1 to 20 distinct recipients of at
 * most 200 characters, the rights of withdrawal and erasure, at least one legal basis, and a text of
 * 1 to 50,000 characters; anything else fails {@code INVALID_INPUT}.
 */
public record TermsDraft(
        Optional<Purposes> purposes,
        Optional<Duration> retention,
        List<String> recipients,
        Set<ConsentRight> rights,
        Set<LegalBasis> legalBases,
        String text) {
    public TermsDraft {
        requireNonNull(purposes, "purposes is null");
        requireNonNull(retention, "retention is null");
        recipients = TermsRules.recipients(recipients);
        rights = TermsRules.rights(rights);
        legalBases = TermsRules.legalBases(legalBases);
        text = TermsRules.text(text);
    }
}
