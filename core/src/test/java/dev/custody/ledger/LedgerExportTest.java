package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LedgerExportTest {
    @Test
    void export_writesTheDocumentedBytes_andReadsBack() {
        byte[] bytes = write(List.of("cp"), List.of(Bytes.fromHex("aabb")));

        assertThat(Bytes.copyOf(bytes).hex())
                .isEqualTo("434c455801" + "01" + "00000002" + "6370" + "02" + "00000002" + "aabb" + "00");
        LedgerExportReader reader = read(bytes);
        assertThat(reader.checkpoints()).containsExactly("cp");
        assertThat(reader.nextEntry()).contains(Bytes.fromHex("aabb"));
        assertThat(reader.nextEntry()).isEmpty();
    }

    @Test
    void reader_rejectsEveryTruncation_andTrailingBytes() {
        byte[] valid = write(List.of("cp1", "cp2"), List.of(Bytes.fromHex("01"), Bytes.fromHex("0203")));
        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertIntegrityFailure(() -> drain(read(truncated)));
        }
        assertIntegrityFailure(() -> drain(read(Arrays.copyOf(valid, valid.length + 1))));
    }

    @Test
    void reader_rejectsAWrongHeader_unknownTags_badLengths_andMisorderedRecords() {
        assertIntegrityFailure(() -> read(Bytes.fromHex("434c455802" + "00").toArray()));
        assertIntegrityFailure(() -> read(Bytes.fromHex("434c455901" + "00").toArray()));
        assertIntegrityFailure(
                () -> drain(read(Bytes.fromHex("434c455801" + "07").toArray())));
        assertIntegrityFailure(() -> drain(
                read(Bytes.fromHex("434c455801" + "02" + "00000000" + "00").toArray())));
        assertIntegrityFailure(
                () -> drain(read(Bytes.fromHex("434c455801" + "02" + "7fffffff").toArray())));
        assertIntegrityFailure(
                () -> drain(read(Bytes.fromHex("434c455801" + "02" + "0000000101" + "01" + "0000000141" + "00")
                        .toArray())));
        assertIntegrityFailure(() -> read(
                Bytes.fromHex("434c455801" + "01" + "00000001" + "ff" + "00").toArray()));
    }

    @Test
    void reader_ofRandomlyMutatedExports_failsWithAnIntegrityFailureOrReadsWhatIsThere() {
        byte[] valid = write(List.of("cp1", "cp2"), List.of(Bytes.fromHex("0102"), Bytes.fromHex("030405")));
        Random random = new Random(5);
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = valid.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            try {
                LedgerExportReader reader = read(mutated);
                assertThat(reader.checkpoints().size() + drain(reader).size()).isLessThanOrEqualTo(4);
            } catch (CustodyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
            }
        }
    }

    @Test
    void writer_refusesACheckpointAfterAnEntry() {
        LedgerExportWriter writer = LedgerExportWriter.create(new ByteArrayOutputStream());
        writer.entry(Bytes.fromHex("01"));

        assertThatThrownBy(() -> writer.checkpoint("cp")).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] write(List<String> checkpoints, List<Bytes> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerExportWriter writer = LedgerExportWriter.create(out);
        checkpoints.forEach(writer::checkpoint);
        entries.forEach(writer::entry);
        writer.finish();
        return out.toByteArray();
    }

    private static LedgerExportReader read(byte[] bytes) {
        return LedgerExportReader.open(new ByteArrayInputStream(bytes));
    }

    private static List<Bytes> drain(LedgerExportReader reader) {
        List<Bytes> entries = new ArrayList<>();
        for (Optional<Bytes> next = reader.nextEntry(); next.isPresent(); next = reader.nextEntry()) {
            entries.add(next.get());
        }
        return entries;
    }

    private static void assertIntegrityFailure(Runnable action) {
        assertThatThrownBy(action::run)
                .isInstanceOf(CustodyException.class)
                .extracting(e -> ((CustodyException) e).code())
                .isEqualTo(ErrorCode.INTEGRITY_FAILURE);
    }
}
