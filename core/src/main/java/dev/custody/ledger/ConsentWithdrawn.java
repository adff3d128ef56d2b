package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;

/** A contributor withdrew a consent. */
public record ConsentWithdrawn(Pseudonym contributor, ProjectId project, ConsentId consent) implements LedgerEvent {
    public ConsentWithdrawn {
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(consent, "consent is null");
    }

    @Override
    public Action action() {
        return Action.CONSENT_WITHDRAWN;
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
                .build();
    }
}
