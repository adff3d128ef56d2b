package dev.custody.rights;

import static java.util.Objects.requireNonNull;

import dev.custody.ledger.LedgerEntry;
import dev.custody.project.Organization;
import java.util.Optional;

/**
 * One ledger entry about a contributor, as shown to them: the entry itself (its index, time,
 * action, subjects, the actor's role, purpose and request id, and its canonical bytes, which anyone
 * can check against the log), the organization the actor belongs to if they belong to one, and
 * whether the contributor acted themselves.
 */
public record HistoryItem(LedgerEntry entry, Optional<Organization> organization, boolean byYou) {
    public HistoryItem {
        requireNonNull(entry, "entry is null");
        requireNonNull(organization, "organization is null");
    }
}
