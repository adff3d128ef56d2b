package dev.custody.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.ledger.ReviewVerdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void rejection_needsAReason_andAcceptance_takesNone() {
        assertInvalid(() -> new Verdict(ReviewVerdict.REJECTED, Optional.empty(), Optional.empty()));
        assertInvalid(() -> new Verdict(ReviewVerdict.ACCEPTED, Optional.of(RejectionReason.NOISE), Optional.empty()));
        assertThat(Verdict.reject(RejectionReason.CLIPPING).reason()).contains(RejectionReason.CLIPPING);
        assertThat(Verdict.accept().reason()).isEmpty();
    }

    @Test
    void note_isBoundedAndFreeOfControlCharacters() {
        assertThat(Verdict.accept().withNote("é".repeat(500)).note()).contains("é".repeat(500));
        assertInvalid(() -> Verdict.accept().withNote("x".repeat(501)));
        assertInvalid(() -> Verdict.accept().withNote("line\nbreak"));
        assertInvalid(() -> Verdict.accept().withNote("  "));
    }

    @Test
    void toString_neverShowsTheNote() {
        var verdict = Verdict.reject(RejectionReason.OTHER).withNote("speaker sounds like Dana");

        assertThat(verdict.toString()).doesNotContain("Dana").contains("REJECTED", "other");
    }

    @Test
    void reasons_areReadByTheirCodesOnly() {
        for (RejectionReason reason : RejectionReason.values()) {
            assertThat(RejectionReason.of(reason.code())).isEqualTo(reason);
        }
        assertThat(RejectionReason.WRONG_PROMPT.code()).isEqualTo("wrong-prompt");
        assertInvalid(() -> RejectionReason.of("NOISE"));
        assertInvalid(() -> RejectionReason.of("=cmd|' /C calc'!A0"));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
}
