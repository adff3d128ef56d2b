package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerEntryCodecTest {
    private static final Actor REVIEWER = new Actor("usr_42", ActorRole.REVIEWER);

    @Test
    void encode_writesTheDocumentedLayout() {
        LedgerEntry entry = new LedgerEntry(
                5,
                1000,
                new Actor("op1", ActorRole.OPERATOR),
                Action.CONFIGURATION_CHANGED,
                List.of(new Subject(SubjectKind.SETTING, "k")),
                "admin",
                "r1",
                Bytes.fromHex("ab".repeat(32)));

        assertThat(LedgerEntryCodec.encode(entry).hex())
                .isEqualTo("01" + "0000000000000005" + "00000000000003e8" + "00036f7031" + "06" + "0f" + "01"
                        + "0900016b" + "000561646d696e" + "00027231" + "ab".repeat(32));
    }

    @Test
    void everyEventKind_roundTrips_withItsOwnAction() {
        Set<Action> actions = new HashSet<>();
        long index = 0;
        for (LedgerEvent event : SampleEvents.all()) {
            LedgerEntry entry = LedgerEntry.of(
                    index++, Instant.ofEpochMilli(1_700_000_000_000L), event, REVIEWER, "review", "req_1");
            assertThat(LedgerEntryCodec.decode(LedgerEntryCodec.encode(entry))).isEqualTo(entry);
            assertThat(entry.records(event)).isTrue();
            actions.add(entry.action());
        }
        assertThat(actions).containsExactlyInAnyOrder(Action.values());
        assertThat(LedgerEvent.class.getPermittedSubclasses()).hasSize(Action.values().length);
    }

    @Test
    void records_rejectsAnEventWithOtherDetails() {
        LedgerEvent opened = SampleEvents.all().get(4);
        LedgerEntry entry = LedgerEntry.of(0, Instant.EPOCH, opened, REVIEWER, "review", "req_1");
        var other = new ClipOpened(dev.custody.clip.ClipId.random(), SampleEvents.CONTRIBUTOR, SampleEvents.PROJECT);

        assertThat(entry.records(other)).isFalse();
    }

    @Test
    void decode_rejectsAnUnknownVersion_trailingBytes_andEveryTruncation() {
        byte[] valid = sample().toArray();
        byte[] version = valid.clone();
        version[0] = 2;
        assertIntegrityFailure(version);
        assertIntegrityFailure(Arrays.copyOf(valid, valid.length + 1));
        for (int length = 0; length < valid.length; length++) {
            assertIntegrityFailure(Arrays.copyOf(valid, length));
        }
    }

    @Test
    void decode_rejectsUnknownCodes_andNonAsciiText() {
        byte[] valid = sample().toArray();
        int actionOffset = 1 + 8 + 8 + 2 + "usr_42".length() + 1;
        for (int code : new int[] {0, unusedActionCode(), 255}) {
            byte[] bad = valid.clone();
            bad[actionOffset] = (byte) code;
            assertIntegrityFailure(bad);
        }
        byte[] nonAscii = valid.clone();
        nonAscii[1 + 8 + 8 + 2] = (byte) 0xc3;
        assertIntegrityFailure(nonAscii);
        byte[] tooManySubjects = valid.clone();
        tooManySubjects[actionOffset + 1] = 17;
        assertIntegrityFailure(tooManySubjects);
    }

    @Test
    void decode_ofRandomlyMutatedBytes_failsOrGivesTheEntryThatEncodesToThem() {
        Random random = new Random(42);
        byte[] valid = sample().toArray();
        for (int i = 0; i < 5000; i++) {
            byte[] mutated = valid.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            try {
                LedgerEntry decoded = LedgerEntryCodec.decode(Bytes.copyOf(mutated));
                assertThat(LedgerEntryCodec.encode(decoded).toArray()).isEqualTo(mutated);
            } catch (CustodyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
            }
        }
    }

    @Test
    void entry_refusesTextThatCouldCarryANameOrFreeText() {
        assertThatThrownBy(() -> new Actor("Jane Doe", ActorRole.CONTRIBUTOR))
                .isInstanceOf(CustodyException.class)
                .extracting(e -> ((CustodyException) e).code())
                .isEqualTo(ErrorCode.INVALID_INPUT);
        assertThatThrownBy(() ->
                        LedgerEntry.of(0, Instant.EPOCH, SampleEvents.all().getFirst(), REVIEWER, "für", "r"))
                .isInstanceOf(CustodyException.class);
    }

    private static Bytes sample() {
        return LedgerEntryCodec.encode(LedgerEntry.of(
                7, Instant.ofEpochMilli(1_700_000_000_000L), SampleEvents.all().get(2), REVIEWER, "review", "req_1"));
    }

    private static void assertIntegrityFailure(byte[] encoded) {
        assertThatThrownBy(() -> LedgerEntryCodec.decode(Bytes.copyOf(encoded)))
                .isInstanceOf(CustodyException.class)
                .extracting(e -> ((CustodyException) e).code())
                .isEqualTo(ErrorCode.INTEGRITY_FAILURE);
    }

    /** One above the highest code in use: codes need not be contiguous, since each is never reused. */
    private static int unusedActionCode() {
        return java.util.Arrays.stream(Action.values())
                        .mapToInt(Action::code)
                        .max()
                        .orElseThrow()
                + 1;
    }
}
