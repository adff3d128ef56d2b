package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The entry codec round-trips every generated entry, and is strict: every truncation, an extra
 * byte and any changed byte either fail with INTEGRITY_FAILURE or decode to an entry whose encoding
 * is exactly the changed bytes (one entry, one encoding).
 */
class LedgerEntryCodecProperties {
    @Property(tries = 300)
    void decode_ofEncode_isTheSameEntry(@ForAll("entries") LedgerEntry entry) {
        Bytes encoded = LedgerEntryCodec.encode(entry);

        assertThat(LedgerEntryCodec.decode(encoded)).isEqualTo(entry);
    }

    @Property(tries = 100)
    void decode_refusesEveryTruncation_andTrailingBytes(@ForAll("entries") LedgerEntry entry) {
        byte[] encoded = LedgerEntryCodec.encode(entry).toArray();

        for (int length = 0; length < encoded.length; length++) {
            assertIntegrityFailure(Arrays.copyOf(encoded, length));
        }
        assertIntegrityFailure(Arrays.copyOf(encoded, encoded.length + 1));
    }

    @Property(tries = 500)
    void decode_ofAChangedByte_failsOrIsCanonical(
            @ForAll("entries") LedgerEntry entry, @ForAll int position, @ForAll byte value) {
        byte[] changed = LedgerEntryCodec.encode(entry).toArray();
        changed[Math.floorMod(position, changed.length)] = value;

        try {
            LedgerEntry decoded = LedgerEntryCodec.decode(Bytes.copyOf(changed));
            assertThat(LedgerEntryCodec.encode(decoded).toArray()).isEqualTo(changed);
        } catch (CustodyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
        }
    }

    @Provide
    Arbitrary<LedgerEntry> entries() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange((char) 0x21, (char) 0x7e)
                .ofMinLength(1)
                .ofMaxLength(LedgerText.MAX_LENGTH);
        return Combinators.combine(
                        Arbitraries.longs().greaterOrEqual(0),
                        Arbitraries.longs().between(0, 4_102_444_800_000L),
                        Arbitraries.of(SampleEvents.all()),
                        Combinators.combine(text, Arbitraries.of(ActorRole.class))
                                .as(Actor::new),
                        text,
                        text)
                .as((index, millis, event, actor, purpose, requestId) ->
                        LedgerEntry.of(index, Instant.ofEpochMilli(millis), event, actor, purpose, requestId));
    }

    private static void assertIntegrityFailure(byte[] encoded) {
        assertThatThrownBy(() -> LedgerEntryCodec.decode(Bytes.copyOf(encoded)))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }
}
