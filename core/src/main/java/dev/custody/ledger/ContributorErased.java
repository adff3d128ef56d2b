package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.contributor.Pseudonym;
import java.util.List;

/** A contributor's key was destroyed, making every clip of theirs unreadable. */
public record ContributorErased(Pseudonym contributor, ErasureCause cause) implements LedgerEvent {
    public ContributorErased {
        requireNonNull(contributor, "contributor is null");
        requireNonNull(cause, "cause is null");
    }

    @Override
    public Action action() {
        return Action.CONTRIBUTOR_ERASED;
    }

    @Override
    public List<Subject> subjects() {
        return Subjects.of(contributor);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action()).text(contributor).text(cause.name()).build();
    }
}
