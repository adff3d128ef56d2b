package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/**
 * A payout batch was created, exported or marked paid. {@code fileSha256} is the SHA-256 of the
 * batch's payout file (the CSV, which is the same bytes every time it is made), so a file can be
 * shown to be the one the ledger recorded; the batch is the entry's subject, as an export.
 */
public record PayoutBatchChanged(String batchId, PayoutBatchChange change, long credits, Bytes fileSha256)
        implements LedgerEvent {
    public PayoutBatchChanged {
        LedgerText.require(batchId, "batchId");
        requireNonNull(change, "change is null");
        if (credits < 0) {
            throw new IllegalArgumentException("credits is negative");
        }
        requireNonNull(fileSha256, "fileSha256 is null");
    }

    @Override
    public Action action() {
        return Action.PAYOUT_BATCH_CHANGED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(new Subject(SubjectKind.EXPORT, batchId));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(batchId)
                .text(change.name())
                .number(credits)
                .hash(fileSha256)
                .build();
    }
}
