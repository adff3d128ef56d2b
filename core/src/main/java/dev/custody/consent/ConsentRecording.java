package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.WrappedKey;
import dev.custody.ledger.ConsentGiven;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.PaperConsentRecorded;
import dev.custody.store.Repositories;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a consent inside the caller's transaction, the same way for the contributor's own act and
 * for an administrator's: {@code ConsentGiven} in the ledger, then the record pointing at that
 * entry, and the contributor's activity; for a consent from a paper form, also {@code
 * PaperConsentRecorded} with the form's hash. The caller has checked that {@code terms} are current.
 */
public final class ConsentRecording {
    private ConsentRecording() {}

    /** A recorded consent and the ledger entry that logs it. */
    public record Given(ConsentRecord record, LedgerEntry entry) {
        public Given {
            requireNonNull(record, "record is null");
            requireNonNull(entry, "entry is null");
        }
    }

    /** Fails NOT_FOUND for an unknown contributor, ERASED for an erased one. */
    public static void requireActive(Repositories repositories, Pseudonym contributor) {
        var found = repositories
                .contributors()
                .find(contributor)
                .orElseThrow(() -> CustodyException.notFound("no such contributor"));
        if (found.state() == ContributorState.ERASED) {
            throw new CustodyException(ErrorCode.ERASED, "the contributor was erased");
        }
    }

    public static Given give(
            Repositories repositories,
            Principal caller,
            Pseudonym contributor,
            ConsentTerms terms,
            ConsentId id,
            Optional<WrappedKey> signerName,
            Optional<Bytes> paperFormSha256,
            Instant now) {
        Bytes termsHash = terms.sha256(); // encodes and hashes the whole document: once
        LedgerEntry entry = repositories
                .ledger()
                .append(
                        new ConsentGiven(contributor, terms.project(), id, terms.version(), termsHash),
                        caller.actor(),
                        "consent",
                        caller.requestId(),
                        now);
        var record = ConsentRecord.given(
                id, contributor, terms.project(), terms.version(), termsHash, now, entry.index(), paperFormSha256);
        paperFormSha256.ifPresent(form -> repositories
                .ledger()
                .append(
                        new PaperConsentRecorded(contributor, terms.project(), id, form),
                        caller.actor(),
                        "consent",
                        caller.requestId(),
                        now));
        repositories.consents().insert(record, signerName);
        repositories.contributors().recordActivity(contributor, now);
        return new Given(record, entry);
    }
}
