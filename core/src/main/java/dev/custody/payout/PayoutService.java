package dev.custody.payout;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.Clip;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.PayoutBatchChange;
import dev.custody.ledger.PayoutBatchChanged;
import dev.custody.ledger.PayoutCredited;
import dev.custody.project.Commission;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The payout ledger. An accepted clip credits its contributor with the project's pay per accepted
 * clip ({@link #creditAcceptedClip}, inside the acceptance's own transaction). An operator gathers
 * every pending credit into a batch, downloads its payout file, and marks it paid once the money has
 * gone out, which makes its credits paid. Each step is logged to the ledger in its transaction,
 * with the file's SHA-256. Amounts are exact ({@link dev.custody.Money}); sums fail rather than
 * overflow.
 *
 * <p>Throws {@code FORBIDDEN} (role), {@code NOT_FOUND} (batch, contributor) and {@code CONFLICT}
 * (nothing pending to gather, a batch already paid).
 */
public final class PayoutService {
    private static final Set<Role> MAY_PAY = Set.of(Role.OPERATOR, Role.BOOTSTRAP_ADMIN);
    private static final String PURPOSE = "payout";

    private final MetadataStore metadata;
    private final Clock clock;

    public PayoutService(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Credits the contributor of a clip just accepted, inside the caller's transaction, and logs it.
     * Fails CONFLICT if the clip was credited before.
     */
    public static PayoutCredit creditAcceptedClip(
            Repositories repositories, Clip clip, Commission commission, Principal caller, Instant now) {
        var credit = PayoutCredit.pending(
                clip.id(),
                clip.contributor(),
                clip.project(),
                commission.payPerAcceptedClip(),
                now.truncatedTo(ChronoUnit.MILLIS));
        repositories.payouts().credit(credit);
        repositories
                .ledger()
                .append(
                        new PayoutCredited(clip.id(), clip.contributor(), clip.project(), credit.amount()),
                        caller.actor(),
                        PURPOSE,
                        caller.requestId(),
                        now);
        return credit;
    }

    /** Gathers every pending credit not yet in a batch into a new batch. */
    public BatchSummary createBatch(Principal caller) {
        caller.require(MAY_PAY, "create payout batches");
        var batch = PayoutBatch.open(PayoutBatchId.random(), caller.id(), now());
        return metadata.inTransaction(repositories -> {
            repositories.payouts().insertBatch(batch);
            if (repositories.payouts().gatherPending(batch.id()) == 0) {
                // Thrown inside the transaction, so the empty batch is rolled back with it.
                throw new CustodyException(ErrorCode.CONFLICT, "no pending credits to pay");
            }
            var summary = BatchSummary.of(batch, repositories.payouts().creditsIn(batch.id()));
            log(repositories, caller, summary, fileOf(summary), PayoutBatchChange.CREATED);
            return summary;
        });
    }

    public BatchSummary batch(Principal caller, PayoutBatchId id) {
        caller.require(MAY_PAY, "read payout batches");
        return metadata.inReadTransaction(repositories -> summary(repositories, id));
    }

    /** The batch's payout file; each download is logged with the file's hash. */
    public PayoutFile export(Principal caller, PayoutBatchId id) {
        caller.require(MAY_PAY, "export payout batches");
        return metadata.inTransaction(repositories -> {
            var summary = summary(repositories, id);
            var file = PayoutFile.of(id, summary.lines());
            log(repositories, caller, summary, file, PayoutBatchChange.EXPORTED);
            return file;
        });
    }

    /** Marks an open batch paid, and with it every credit it gathered. */
    public BatchSummary markPaid(Principal caller, PayoutBatchId id) {
        caller.require(MAY_PAY, "mark payout batches paid");
        Instant now = now();
        return metadata.inTransaction(repositories -> {
            repositories.payouts().findBatch(id).orElseThrow(() -> CustodyException.notFound("no such batch"));
            if (!repositories.payouts().markPaid(id, now)) {
                throw new CustodyException(ErrorCode.CONFLICT, "the batch was already paid");
            }
            var paid = summary(repositories, id);
            log(repositories, caller, paid, fileOf(paid), PayoutBatchChange.PAID);
            return paid;
        });
    }

    /**
     * What the contributor has earned, pending and paid, per currency: for operators, and for the
     * contributor themselves.
     */
    public Earnings earnings(Principal caller, Pseudonym contributor) {
        if (!caller.contributor().map(contributor::equals).orElse(false)) {
            caller.require(MAY_PAY, "read earnings");
        }
        return metadata.inReadTransaction(repositories -> {
            repositories
                    .contributors()
                    .find(contributor)
                    .orElseThrow(() -> CustodyException.notFound("no such contributor"));
            return Earnings.of(contributor, repositories.payouts().creditsOf(contributor));
        });
    }

    private static BatchSummary summary(Repositories repositories, PayoutBatchId id) {
        PayoutBatch batch =
                repositories.payouts().findBatch(id).orElseThrow(() -> CustodyException.notFound("no such batch"));
        List<PayoutCredit> credits = repositories.payouts().creditsIn(id);
        return BatchSummary.of(batch, credits);
    }

    private static PayoutFile fileOf(BatchSummary summary) {
        return PayoutFile.of(summary.batch().id(), summary.lines());
    }

    /** Logs a change of the batch with the hash of its payout file, which the caller built. */
    private void log(
            Repositories repositories,
            Principal caller,
            BatchSummary summary,
            PayoutFile file,
            PayoutBatchChange change) {
        repositories
                .ledger()
                .append(
                        new PayoutBatchChanged(summary.batch().id().value(), change, summary.credits(), file.sha256()),
                        caller.actor(),
                        PURPOSE,
                        caller.requestId(),
                        clock.instant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
