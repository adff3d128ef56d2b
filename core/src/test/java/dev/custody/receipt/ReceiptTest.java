package dev.custody.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTest {
    @Test
    void of_hashesThePromptTextAsUtf8() {
        Receipt receipt = receiptFor("abc", Instant.EPOCH);

        assertThat(receipt.promptSha256())
                .isEqualTo(Bytes.fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(receipt.formatVersion()).isEqualTo(1);
        assertThat(receipt.ledger()).isEmpty();
    }

    @Test
    void receivedAt_isTruncatedToMilliseconds() {
        Receipt receipt = receiptFor("abc", Instant.parse("2026-01-31T12:34:56.789999999Z"));

        assertThat(receipt.receivedAt()).isEqualTo(Instant.parse("2026-01-31T12:34:56.789Z"));
    }

    @Test
    void constructor_refusesValuesTheFormatCannotCarry() {
        Receipt r = Receipts.plain();

        assertThatThrownBy(() -> new Receipt(
                        2,
                        r.clip(),
                        r.project(),
                        0,
                        r.promptSha256(),
                        r.contributor(),
                        r.audioSha256(),
                        r.receivedAt(),
                        1,
                        r.ledger()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Receipt(
                        1,
                        r.clip(),
                        r.project(),
                        -1,
                        r.promptSha256(),
                        r.contributor(),
                        r.audioSha256(),
                        r.receivedAt(),
                        1,
                        r.ledger()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Receipt(
                        1,
                        r.clip(),
                        r.project(),
                        0,
                        Bytes.copyOf(new byte[31]),
                        r.contributor(),
                        r.audioSha256(),
                        r.receivedAt(),
                        1,
                        r.ledger()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receiptFor("abc", Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ledgerInclusion_refusesAnImpossibleProof() {
        Bytes hash = Receipts.hash(1);

        assertThatThrownBy(() -> Receipts.inclusion(5, 5, List.of(hash))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receipts.inclusion(0, 2, List.of(Bytes.copyOf(new byte[31]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerInclusion(0, 2, Receipts.ENTRY, List.of(hash), "note\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Receipt receiptFor(String prompt, Instant receivedAt) {
        return Receipt.of(
                ClipId.random(), ProjectId.random(), 0, prompt, Pseudonym.random(), Receipts.hash(7), receivedAt, 1);
    }
}
