package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.project.ProjectId;
import java.util.List;

/**
 * A project's consent terms were published: from then on, recording needs consent to this version,
 * whose document has this SHA-256 (see {@code dev.custody.consent.ConsentTerms}).
 */
public record ConsentTermsPublished(ProjectId project, long termsVersion, Bytes termsHash) implements LedgerEvent {
    public ConsentTermsPublished {
        requireNonNull(project, "project is null");
        requireNonNull(termsHash, "termsHash is null");
    }

    @Override
    public Action action() {
        return Action.CONSENT_TERMS_PUBLISHED;
    }

    @Override
    public List<Subject> subjects() {
        return Subjects.of(project);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(project)
                .number(termsVersion)
                .hash(termsHash)
                .build();
    }
}
