package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Pkcs11ConfigTest {
    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    @Test
    void toString_neverShowsThePin() {
        var config = new Pkcs11Config(LIBRARY, 7, SecretBytes.copyOf("s3cret-pin".getBytes(UTF_8)), "custody");

        assertThat(config.toString()).doesNotContain("s3cret-pin").contains("pin=redacted", "slot=7");
    }

    @Test
    void create_withAPrefixThatCannotNameAKek_fails() {
        for (String prefix : new String[] {"", "-custody", "custody/voice", "custody voice", "x".repeat(65)}) {
            assertThatThrownBy(() -> new Pkcs11Config(LIBRARY, 0, SecretBytes.copyOf(new byte[1]), prefix))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void create_withANegativeSlot_fails() {
        assertThatThrownBy(() -> new Pkcs11Config(LIBRARY, -1, SecretBytes.copyOf(new byte[1]), "custody"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
