package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Money;
import dev.custody.Services;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Action;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.PayoutBatchChange;
import dev.custody.ledger.PayoutBatchChanged;
import dev.custody.payout.BatchState;
import dev.custody.payout.PayoutBatchId;
import dev.custody.payout.PayoutLine;
import dev.custody.review.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credits from accepted clips, payout batches, their file, and earnings, on the embedded installation. */
class PayoutServiceIT {
    @TempDir
    Path temp;

    ReviewFixture fixture;
    Services services;
    Principal first;
    Principal second;

    @BeforeEach
    void open() {
        fixture = new ReviewFixture(temp.resolve("data"));
        services = fixture.spine.services;
        first = fixture.reviewer(true);
        second = fixture.reviewer(true);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBatch_paysEveryPendingCredit_exactly_andMarkPaidMovesThemToPaid() {
        accept(fixture.clip());
        accept(fixture.clip());
        accept(fixture.clip());
        Pseudonym erin = fixture.spine.consentingContributor("Erin Example");
        PaperConsents.record(services, erin, fixture.project.id());
        accept(fixture.clip(erin));
        long before = fixture.ledgerSize();

        var batch = services.payouts().createBatch(ADMIN);

        assertThat(batch.credits()).isEqualTo(4);
        assertThat(batch.lines())
                .containsExactlyInAnyOrder(
                        new PayoutLine(fixture.contributor, Money.parse("1.05", "EUR"), 3),
                        new PayoutLine(erin, Money.parse("0.35", "EUR"), 1));
        assertThat(batch.totals()).containsExactly(Money.parse("1.40", "EUR"));
        assertThat(services.payouts().earnings(ADMIN, fixture.contributor).currencies())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.pending()).isEqualTo(Money.parse("1.05", "EUR"));
                    assertThat(e.pendingClips()).isEqualTo(3);
                    assertThat(e.paidClips()).isZero();
                });

        var file = services.payouts().export(ADMIN, batch.batch().id());
        String csv = new String(file.bytes(), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("batch,contributor,currency,amount,clips\r\n")
                .contains(batch.batch().id() + "," + fixture.contributor + ",EUR,1.05,3\r\n")
                .contains(batch.batch().id() + "," + erin + ",EUR,0.35,1\r\n")
                .doesNotContain("Dana", "Erin", "example.org");

        var paid = services.payouts().markPaid(ADMIN, batch.batch().id());

        assertThat(paid.batch().state()).isEqualTo(BatchState.PAID);
        assertThat(services.payouts().earnings(ADMIN, fixture.contributor).currencies())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.paid()).isEqualTo(Money.parse("1.05", "EUR"));
                    assertThat(e.paidClips()).isEqualTo(3);
                    assertThat(e.pending()).isEqualTo(Money.zero(e.paid().currency()));
                });
        String id = batch.batch().id().value();
        var fileHash = Sha256.of(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(fixture.entriesSince(before))
                .extracting(LedgerEntry::action)
                .containsExactly(Action.PAYOUT_BATCH_CHANGED, Action.PAYOUT_BATCH_CHANGED, Action.PAYOUT_BATCH_CHANGED);
        assertThat(fixture.entriesSince(before))
                .zipSatisfy(
                        java.util.List.of(
                                PayoutBatchChange.CREATED, PayoutBatchChange.EXPORTED, PayoutBatchChange.PAID),
                        (entry, change) -> assertThat(entry.records(new PayoutBatchChanged(id, change, 4, fileHash)))
                                .isTrue());
    }

    @Test
    void aSecondBatch_takesOnlyCreditsThatCameAfterTheFirst() {
        accept(fixture.clip());
        var firstBatch = services.payouts().createBatch(ADMIN);
        accept(fixture.clip());

        var secondBatch = services.payouts().createBatch(ADMIN);

        assertThat(firstBatch.credits()).isEqualTo(1);
        assertThat(secondBatch.credits()).isEqualTo(1);
        assertThat(services.payouts().batch(ADMIN, firstBatch.batch().id()).credits())
                .isEqualTo(1);
    }

    @Test
    void withNothingPending_noBatchIsMade_andNothingIsLogged() {
        long before = fixture.ledgerSize();

        assertCode(() -> services.payouts().createBatch(ADMIN), ErrorCode.CONFLICT);

        assertThat(fixture.ledgerSize()).isEqualTo(before);
    }

    @Test
    void aBatch_isPaidOnce_andUnknownBatchesAreNotFound() {
        accept(fixture.clip());
        var batch = services.payouts().createBatch(ADMIN);
        services.payouts().markPaid(ADMIN, batch.batch().id());
        long before = fixture.ledgerSize();

        assertCode(() -> services.payouts().markPaid(ADMIN, batch.batch().id()), ErrorCode.CONFLICT);
        assertCode(() -> services.payouts().markPaid(ADMIN, PayoutBatchId.random()), ErrorCode.NOT_FOUND);
        assertCode(() -> services.payouts().export(ADMIN, PayoutBatchId.random()), ErrorCode.NOT_FOUND);
        assertThat(fixture.ledgerSize()).isEqualTo(before);
    }

    @Test
    void onlyOperators_runPayouts() {
        accept(fixture.clip());

        assertCode(() -> services.payouts().createBatch(first), ErrorCode.FORBIDDEN);
        assertCode(() -> services.payouts().earnings(first, fixture.contributor), ErrorCode.FORBIDDEN);
        assertCode(() -> services.payouts().earnings(ADMIN, Pseudonym.random()), ErrorCode.NOT_FOUND);
    }

    private void accept(ClipId clip) {
        for (Principal reviewer : new Principal[] {first, second}) {
            fixture.listen(reviewer, clip);
            services.reviews().judge(reviewer, clip, Verdict.accept());
        }
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
