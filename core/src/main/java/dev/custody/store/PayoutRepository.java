package dev.custody.store;

import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.payout.PayoutBatch;
import dev.custody.payout.PayoutBatchId;
import dev.custody.payout.PayoutCredit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payout ledger: one credit per accepted clip, pending until the batch that gathered it is
 * marked paid. Amounts are stored as minor units and a currency code, never as fractions.
 */
public interface PayoutRepository {
    /** Stores a credit; fails CONFLICT if the clip was credited already. */
    void credit(PayoutCredit credit);

    Optional<PayoutCredit> creditFor(ClipId clip);

    /** The contributor's credits, oldest first. */
    List<PayoutCredit> creditsOf(Pseudonym contributor);

    void insertBatch(PayoutBatch batch);

    Optional<PayoutBatch> findBatch(PayoutBatchId id);

    /**
     * Puts every pending credit that is in no batch yet into {@code batch}; returns how many. A
     * credit is gathered into one batch only, however many batches are made at once.
     */
    int gatherPending(PayoutBatchId batch);

    /** The batch's credits, by contributor, then clip. */
    List<PayoutCredit> creditsIn(PayoutBatchId batch);

    /** Marks an open batch and every credit in it paid; false, changing nothing, if it is not open. */
    boolean markPaid(PayoutBatchId batch, Instant at);
}
