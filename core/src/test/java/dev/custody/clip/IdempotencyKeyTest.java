package dev.custody.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {
    @ParameterizedTest
    @ValueSource(strings = {"8e03978e-40d5-43e8-bc93-6894a57f9324", "\"8e03978e-40d5-43e8-bc93-6894a57f9324\""})
    void parse_takesTheBareAndTheQuotedForm(String header) {
        assertThat(IdempotencyKey.parse(header).value()).isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"\"", "two words", "tab\tkey", "back\\slash", "\"open", "caf\u00e9", "line\nbreak"})
    void parse_refusesAnythingElse_asInvalidInput(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void length_isBoundedAt255() {
        assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> IdempotencyKey.parse("k".repeat(256))).isInstanceOf(CustodyException.class);
    }
}
