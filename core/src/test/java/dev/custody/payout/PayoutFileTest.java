package dev.custody.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Money;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PayoutFileTest {
    private static final PayoutBatchId BATCH = new PayoutBatchId("pbt_aaaaaaaaaaaaaaaaaaaaaaaaaa");
    private static final Pseudonym DANA = new Pseudonym("ctb_dddddddddddddddddddddddddd");
    private static final Pseudonym ERIN = new Pseudonym("ctb_eeeeeeeeeeeeeeeeeeeeeeeeee");
    private static final ProjectId PROJECT = ProjectId.random();

    @Test
    void lines_sumEachContributorsCreditsExactly_perCurrency_inPseudonymOrder() {
        var credits = List.of(
                credit(ERIN, "0.35", "EUR"),
                credit(DANA, "0.35", "EUR"),
                credit(DANA, "0.35", "EUR"),
                credit(DANA, "0.35", "EUR"),
                credit(DANA, "1.10", "GBP"));

        var lines = PayoutLine.of(credits);

        assertThat(lines)
                .containsExactly(
                        new PayoutLine(DANA, Money.parse("1.05", "EUR"), 3),
                        new PayoutLine(DANA, Money.parse("1.10", "GBP"), 1),
                        new PayoutLine(ERIN, Money.parse("0.35", "EUR"), 1));
        assertThat(PayoutLine.totals(lines)).containsExactly(Money.parse("1.40", "EUR"), Money.parse("1.10", "GBP"));
    }

    @Test
    void file_isRfc4180WithAHeader_andTheSameBytesEveryTime() {
        var lines = PayoutLine.of(
                List.of(credit(DANA, "0.35", "EUR"), credit(DANA, "0.35", "EUR"), credit(DANA, "0.35", "EUR")));

        var file = PayoutFile.of(BATCH, lines);

        assertThat(new String(file.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("batch,contributor,currency,amount,clips\r\n"
                        + "pbt_aaaaaaaaaaaaaaaaaaaaaaaaaa,ctb_dddddddddddddddddddddddddd,EUR,1.05,3\r\n");
        assertThat(PayoutFile.of(BATCH, lines).sha256()).isEqualTo(file.sha256());
    }

    @Test
    void cellsThatASpreadsheetWouldRun_areWrittenAsText() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(PayoutFile.cell(formula)).isEqualTo("'" + formula);
        }
        assertThat(PayoutFile.cell("1.05")).isEqualTo("1.05");
        assertThat(PayoutFile.cell("")).isEmpty();
    }

    @Test
    void manyRandomCredits_sumToTheExactTotal_andTheFileParsesBack() throws Exception {
        Random random = new Random(20261130);
        List<PayoutCredit> credits = new ArrayList<>();
        long expectedCents = 0;
        for (int i = 0; i < 2_000; i++) {
            long cents = random.nextInt(10_000);
            expectedCents += cents;
            credits.add(credit(random.nextBoolean() ? DANA : ERIN, new Money(cents, eur())));
        }

        var lines = PayoutLine.of(credits);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(new String(PayoutFile.of(BATCH, lines).bytes(), StandardCharsets.UTF_8)))
                .getRecords();

        assertThat(PayoutLine.totals(lines)).containsExactly(new Money(expectedCents, eur()));
        assertThat(records).hasSize(2);
        long parsedCents = records.stream()
                .mapToLong(r -> new java.math.BigDecimal(r.get("amount"))
                        .movePointRight(2)
                        .longValueExact())
                .sum();
        assertThat(parsedCents).isEqualTo(expectedCents);
        assertThat(records.stream()
                        .mapToLong(r -> Long.parseLong(r.get("clips")))
                        .sum())
                .isEqualTo(2_000);
    }

    @Test
    void aTotalBeyondTheRangeOfMoney_failsRatherThanWrapsAround() {
        var huge = new Money(Long.MAX_VALUE, eur());

        assertThatThrownBy(() -> PayoutLine.of(List.of(credit(DANA, huge), credit(DANA, new Money(1, eur())))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void earnings_separatePendingFromPaid_perCurrency() {
        var paid = new PayoutCredit(
                ClipId.random(),
                DANA,
                PROJECT,
                Money.parse("0.35", "EUR"),
                CreditState.PAID,
                java.util.Optional.of(BATCH),
                Instant.EPOCH);
        var earnings = Earnings.of(DANA, List.of(credit(DANA, "0.35", "EUR"), paid, credit(DANA, "2", "GBP")));

        assertThat(earnings.currencies())
                .containsExactly(
                        new Earnings.CurrencyEarnings(Money.parse("0.35", "EUR"), 1, Money.parse("0.35", "EUR"), 1),
                        new Earnings.CurrencyEarnings(Money.parse("2.00", "GBP"), 1, Money.zero(gbp()), 0));
    }

    private static PayoutCredit credit(Pseudonym contributor, String amount, String currency) {
        return credit(contributor, Money.parse(amount, currency));
    }

    private static PayoutCredit credit(Pseudonym contributor, Money amount) {
        return PayoutCredit.pending(ClipId.random(), contributor, PROJECT, amount, Instant.EPOCH);
    }

    private static java.util.Currency eur() {
        return java.util.Currency.getInstance("EUR");
    }

    private static java.util.Currency gbp() {
        return java.util.Currency.getInstance("GBP");
    }
}
