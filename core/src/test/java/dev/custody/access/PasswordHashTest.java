package dev.custody.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keys.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final byte[] SALT = new byte[16];
    private static final Argon2Parameters CHEAP = new Argon2Parameters(Argon2Parameters.MIN_MEMORY_KIB, 1, 1);

    @Test
    void matches_onlyTheHashedPassword() {
        var hash = PasswordHash.of("long enough passphrase", SALT, CHEAP);

        assertThat(hash.matches("long enough passphrase")).isTrue();
        assertThat(hash.matches("long enough passphrasE")).isFalse();
        assertThat(hash.matches("")).isFalse();
    }

    @Test
    void encoding_carriesTheParametersAndSurvivesAReadBack() {
        var parameters = new Argon2Parameters(2048, 2, 1);
        var hash = PasswordHash.of("long enough passphrase", SALT, parameters);

        var readBack = new PasswordHash(hash.encoded());

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=2048,t=2,p=1$");
        assertThat(readBack.parameters()).isEqualTo(parameters);
        assertThat(readBack.matches("long enough passphrase")).isTrue();
    }

    @Test
    void toString_neverShowsTheHash() {
        var hash = PasswordHash.of("long enough passphrase", SALT, CHEAP);

        assertThat(hash.toString()).doesNotContain(hash.encoded().substring(30));
    }

    @Test
    void storedText_thatIsNotArgon2id_orAsksForHugeMemory_failsIntegrity() {
        String valid = PasswordHash.of("long enough passphrase", SALT, CHEAP).encoded();

        for (String bad : new String[] {
            valid.replace("argon2id", "argon2i"), valid.replace("m=1024", "m=9999999"), valid + "x", "plain text"
        }) {
            assertThatThrownBy(() -> new PasswordHash(bad))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
        }
    }
}
