package dev.custody.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static final Username DANA = new Username("dana.reviewer");
    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void aLongUncommonPassword_isAccepted() {
        assertThatCode(() -> policy.check(DANA, "violet kettle under the stairs"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "elevenchars", "Password1234", "qwertyuiop123", "123456789012", "iloveyou2024"})
    void shortOrCommonPasswords_areRefused(String password) {
        assertRefused(password);
    }

    @Test
    void aPasswordContainingTheUsername_isRefused() {
        assertRefused("my name is dana.reviewer!");
    }

    @Test
    void anOverlongPassword_isRefusedBeforeAnyHashing() {
        assertRefused("x".repeat(PasswordPolicy.MAX_LENGTH + 1));
    }

    @Test
    void theShippedList_isLoadedAndComparedCaseInsensitively() {
        assertThat(policy.isCommon("PASSWORD1234")).isTrue();
        assertThat(policy.isCommon("violet kettle under the stairs")).isFalse();
    }

    @Test
    void refusals_neverEchoThePassword() {
        assertThatThrownBy(() -> policy.check(DANA, "qwertyuiop123")).hasMessageNotContaining("qwertyuiop123");
    }

    private void assertRefused(String password) {
        assertThatThrownBy(() -> policy.check(DANA, password))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
}
