package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;

/** A contributor consented to a project's terms, identified by version and SHA-256 hash. */
public record ConsentGiven(
        Pseudonym contributor, ProjectId project, ConsentId consent, long termsVersion, Bytes termsHash)
        implements LedgerEvent {
    public ConsentGiven {
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(consent, "consent is null");
        requireNonNull(termsHash, "termsHash is null");
    }

    @Override
    public Action action() {
        return Action.CONSENT_GIVEN;
    }

    @Override
    public List<Subject> subjects() {
        return Subjects.of(contributor, project, consent);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(contributor)
                .text(project)
                .text(consent)
                .number(termsVersion)
                .hash(termsHash)
                .build();
    }
}
