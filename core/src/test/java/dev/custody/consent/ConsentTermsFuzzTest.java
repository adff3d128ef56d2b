package dev.custody.consent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.time.Instant;
import java.util.Set;

/**
 * Terms documents from outside (an offline check of what a contributor agreed to): parsed to terms
 * whose canonical form is exactly the input, or refused with INVALID_INPUT or INTEGRITY_FAILURE. The
 * seeds are canonical documents.
 */
class ConsentTermsFuzzTest {
    private static final Instant PUBLISHED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.INVALID_INPUT, ErrorCode.INTEGRITY_FAILURE);

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] input) {
        String text = new String(input, UTF_8);
        try {
            assertThat(ConsentTerms.parse(text, PUBLISHED).canonical()).isEqualTo(text);
        } catch (CustodyException e) {
            assertThat(e.code()).isIn(REFUSALS);
        }
    }
}
