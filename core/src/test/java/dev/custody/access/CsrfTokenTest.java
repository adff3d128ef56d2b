package dev.custody.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsrfTokenTest {
    private static final String SESSION = "csw_example-session-secret";

    @Test
    void theToken_isHmacSha256OfTheLabel_keyedByTheSessionSecret() {
        // Computed independently: base64url(HMAC-SHA256(key = secret, "custody/csrf/v1")), unpadded.
        assertThat(CsrfToken.of(SESSION)).isEqualTo("6-wUUCbec8RpJUcHz9TXU1h2OHobzQeOl33ZTsVeWtY");
    }

    @Test
    void eachSession_hasItsOwnToken_whichNeverContainsTheSecret() {
        String other = CsrfToken.of(SESSION + "x");

        assertThat(other).isNotEqualTo(CsrfToken.of(SESSION)).hasSize(43);
        assertThat(CsrfToken.of(SESSION)).doesNotContain("session-secret");
    }

    @Test
    void matches_acceptsTheSessionsOwnToken() {
        assertThat(CsrfToken.matches(SESSION, CsrfToken.of(SESSION))).isTrue();
    }

    @Test
    void matches_refusesAnythingElse() {
        String token = CsrfToken.of(SESSION);
        char last = token.charAt(token.length() - 1);
        List<String> wrong = List.of(
                "",
                token.substring(1),
                token + "A",
                token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
                swapCase(token),
                CsrfToken.of("csw_another-session"),
                SESSION,
                "x".repeat(10_000));

        for (String presented : wrong) {
            assertThat(CsrfToken.matches(SESSION, presented)).as(presented).isFalse();
        }
    }

    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder();
        for (char c : text.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
