package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.clip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.Money;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.payout.BatchState;
import dev.custody.payout.CreditState;
import dev.custody.payout.PayoutBatch;
import dev.custody.payout.PayoutBatchId;
import dev.custody.payout.PayoutCredit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.custody.store.PayoutRepository}. Run through {@link RepositoryContract}.
 * Gathering takes every pending credit in the store, so these tests assert on their own credits.
 */
public abstract class PayoutRepositoryContract extends RepositoryContractSupport {
    @Test
    void credit_roundTripsEveryField_andIsFoundByClipAndContributor() {
        Scene scene = scene();
        PayoutCredit first = credit(scene, "0.35", "EUR", 1);
        // Beyond the range of an int, in a currency without minor units.
        PayoutCredit second = credit(scene, new Money(9_000_000_000_123L, java.util.Currency.getInstance("JPY")), 2);

        assertThat(find(r -> r.payouts().creditFor(first.clip()))).contains(first);
        assertThat(list(r -> r.payouts().creditsOf(scene.contributor().pseudonym())))
                .containsExactly(first, second);
        assertThat(find(r -> r.payouts().creditFor(ClipId.random()))).isEmpty();
    }

    @Test
    void aSecondCreditForTheSameClip_conflicts_andACreditForNoClip_isNotFound() {
        Scene scene = scene();
        PayoutCredit credit = credit(scene, "0.35", "EUR", 1);

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.payouts().credit(credit)));
        assertFailsWith(
                ErrorCode.NOT_FOUND,
                () -> write(r -> r.payouts()
                        .credit(PayoutCredit.pending(
                                ClipId.random(),
                                scene.contributor().pseudonym(),
                                scene.project().id(),
                                Money.parse("1", "EUR"),
                                at(1)))));
    }

    @Test
    void gatherPending_takesEveryUnbatchedCreditOnce_andMarkPaidPaysTheBatch() {
        Scene scene = scene();
        PayoutCredit a = credit(scene, "0.35", "EUR", 1);
        PayoutCredit b = credit(scene, "0.35", "EUR", 2);
        PayoutBatch batch = PayoutBatch.open(PayoutBatchId.random(), "acc_operator", at(10));
        write(r -> r.payouts().insertBatch(batch));

        int gathered = tx(r -> r.payouts().gatherPending(batch.id()));
        int again = tx(r -> r.payouts().gatherPending(batch.id()));

        assertThat(gathered).isGreaterThanOrEqualTo(2);
        assertThat(again).isZero();
        assertThat(list(r -> r.payouts().creditsIn(batch.id())))
                .contains(inBatch(a, batch, CreditState.PENDING), inBatch(b, batch, CreditState.PENDING));
        assertThat(find(r -> r.payouts().findBatch(batch.id()))).contains(batch);

        assertThat(check(r -> r.payouts().markPaid(batch.id(), at(20)))).isTrue();
        assertThat(check(r -> r.payouts().markPaid(batch.id(), at(30)))).isFalse();

        assertThat(find(r -> r.payouts().findBatch(batch.id())))
                .contains(new PayoutBatch(batch.id(), BatchState.PAID, "acc_operator", at(10), Optional.of(at(20))));
        assertThat(find(r -> r.payouts().creditFor(a.clip()))).contains(inBatch(a, batch, CreditState.PAID));
        assertThat(check(r -> r.payouts().markPaid(PayoutBatchId.random(), at(20))))
                .isFalse();
        assertThat(find(r -> r.payouts().findBatch(PayoutBatchId.random()))).isEmpty();
    }

    @Test
    void concurrentGatherings_putEachCreditInExactlyOneBatch() throws Exception {
        Scene scene = scene();
        List<PayoutCredit> credits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            credits.add(credit(scene, "0.35", "EUR", i));
        }
        List<PayoutBatch> batches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PayoutBatch batch = PayoutBatch.open(PayoutBatchId.random(), "acc_operator", at(i));
            write(r -> r.payouts().insertBatch(batch));
            batches.add(batch);
        }

        List<Future<Integer>> gathered = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PayoutBatch batch : batches) {
                Callable<Integer> gather = () -> tx(r -> r.payouts().gatherPending(batch.id()));
                gathered.add(executor.submit(gather));
            }
        }
        for (Future<Integer> future : gathered) {
            future.get();
        }

        for (PayoutCredit credit : credits) {
            var stored = find(r -> r.payouts().creditFor(credit.clip())).orElseThrow();
            assertThat(stored.batch()).isPresent();
            long holding = batches.stream()
                    .filter(batch -> list(r -> r.payouts().creditsIn(batch.id())).stream()
                            .anyMatch(c -> c.clip().equals(credit.clip())))
                    .count();
            assertThat(holding).isEqualTo(1);
        }
    }

    private PayoutCredit credit(Scene scene, String amount, String currency, long millis) {
        return credit(scene, Money.parse(amount, currency), millis);
    }

    private PayoutCredit credit(Scene scene, Money amount, long millis) {
        Clip clip = clip(scene.project().id(), scene.contributor().pseudonym(), at(millis));
        PayoutCredit credit = PayoutCredit.pending(clip.id(), clip.contributor(), clip.project(), amount, at(millis));
        write(r -> {
            r.clips().insert(clip);
            r.payouts().credit(credit);
        });
        return credit;
    }

    private static PayoutCredit inBatch(PayoutCredit credit, PayoutBatch batch, CreditState state) {
        return new PayoutCredit(
                credit.clip(),
                credit.contributor(),
                credit.project(),
                credit.amount(),
                state,
                Optional.of(batch.id()),
                credit.creditedAt());
    }
}
