package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphrasesTest {
    @TempDir
    Path folder;

    @Test
    void fromEnvironment_prefersThePassphraseVariableOverTheFile() throws IOException {
        Path file = folder.resolve("pass");
        Files.writeString(file, "from file\n");

        var found = Passphrases.fromEnvironment(
                Map.of("CUSTODY_PASSPHRASE", "direct", "CUSTODY_PASSPHRASE_FILE", file.toString()));

        assertThat(found).hasValueSatisfying(p -> assertThat(p.toArray()).isEqualTo("direct".getBytes(UTF_8)));
    }

    @Test
    void fromEnvironment_readsTheFileAndStripsOneTrailingNewline() throws IOException {
        Path file = folder.resolve("pass");
        Files.writeString(file, "two lines\n\n");

        var found = Passphrases.fromEnvironment(Map.of("CUSTODY_PASSPHRASE_FILE", file.toString()));

        assertThat(found).hasValueSatisfying(p -> assertThat(p.toArray()).isEqualTo("two lines\n".getBytes(UTF_8)));
    }

    @Test
    void fromEnvironment_withNeitherVariable_isEmpty() {
        assertThat(Passphrases.fromEnvironment(Map.of("HOME", "/home/custody"))).isEmpty();
    }

    @Test
    void fromEnvironment_withAMissingFile_failsNamingTheVariableAndTheFile() {
        Path missing = folder.resolve("no-such-file");

        assertThatThrownBy(() -> Passphrases.fromEnvironment(Map.of("CUSTODY_PASSPHRASE_FILE", missing.toString())))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("CUSTODY_PASSPHRASE_FILE")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void fromEnvironment_withAnEmptyPassphrase_failsWithInvalidInput() throws IOException {
        Path file = folder.resolve("pass");
        Files.writeString(file, "\n");

        for (var env : Set.of(Map.of("CUSTODY_PASSPHRASE", ""), Map.of("CUSTODY_PASSPHRASE_FILE", file.toString()))) {
            assertThatThrownBy(() -> Passphrases.fromEnvironment(env))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessageContaining("empty");
        }
    }

    @Test
    void generate_givesDistinctPrintableGroupsOfBase32() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            try (SecretBytes passphrase = Passphrases.generate()) {
                String text = new String(passphrase.toArray(), UTF_8);
                assertThat(text).matches("[a-z2-7]{4}(-[a-z2-7]{4}){12}");
                assertThat(seen.add(text)).isTrue();
            }
        }
    }

    @Test
    void writeNew_createsMode0600FileAnd0700FoldersThatReadBack() throws IOException {
        Path file = folder.resolve("secrets/custody/passphrase");
        try (SecretBytes passphrase = Passphrases.generate()) {
            Passphrases.writeNew(file, passphrase);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            var readBack = Passphrases.fromEnvironment(Map.of("CUSTODY_PASSPHRASE_FILE", file.toString()));
            assertThat(readBack)
                    .hasValueSatisfying(
                            p -> assertThat(p.equalsSecret(passphrase)).isTrue());
        }
    }

    @Test
    void writeNew_overAnExistingFile_failsWithConflictAndLeavesItUntouched() throws IOException {
        Path file = folder.resolve("passphrase");
        Files.writeString(file, "keep me\n");

        assertThatThrownBy(() -> Passphrases.writeNew(file, SecretBytes.copyOf("new".getBytes(UTF_8))))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(Files.readString(file)).isEqualTo("keep me\n");
    }
}
