package dev.custody.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    /** The SHA-1 seed of RFC 6238 appendix B. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, SHA-1 rows; six digits are the last six of the RFC's eight. */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void code_matchesRfc6238Vectors(long unixSeconds, String eightDigits) {
        String code = Totp.code(SEED, Totp.step(Instant.ofEpochSecond(unixSeconds)));

        assertThat(code).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void verify_acceptsTheCodeOfTheCurrentStepAndOneEitherSide() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);

        assertThat(Totp.verify(SEED, Totp.code(SEED, step), now)).hasValue(step);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 1), now)).hasValue(step + 1);
    }

    @Test
    void verify_refusesCodesTwoStepsAwayAndWrongCodes() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        String wrong = Totp.code(SEED, step).equals("000000") ? "000001" : "000000";

        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 2), now)).isEmpty();
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 2), now)).isEmpty();
        assertThat(Totp.verify(SEED, wrong, now)).isEmpty();
        assertThat(Totp.verify(SEED, "", now)).isEmpty();
    }

    @Test
    void base32_encodesRfc4648Vectors() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    }
}
