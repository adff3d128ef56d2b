package dev.custody.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.Money;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommissionAndPurposesTest {
    private static final Money PAY = Money.parse("0.35", "EUR");

    @Test
    void purposes_comeFromTheVocabulary_andOnlyAllowedOnesAreAllowed() {
        var purposes = Purposes.of(List.of("asr-training", "evaluation"), List.of("voice-cloning"));
        assertThat(purposes.allows(Purpose.ASR_TRAINING)).isTrue();
        assertThat(purposes.allows(Purpose.VOICE_CLONING)).isFalse();
        assertThat(purposes.allows(Purpose.TTS_TRAINING)).isFalse();
        assertThatThrownBy(() -> Purposes.of(List.of("mind-reading"), List.of()))
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("asr-training");
        assertThatThrownBy(() -> Purposes.of(java.util.Arrays.asList("asr-training", null), List.of()))
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("null");
    }

    @Test
    void purposes_refuseNothingAllowedAndContradictions() {
        assertThatThrownBy(() -> new Purposes(Set.of(), Set.of(Purpose.VOICE_CLONING)))
                .isInstanceOf(CustodyException.class);
        assertThatThrownBy(() -> new Purposes(Set.of(Purpose.EVALUATION), Set.of(Purpose.EVALUATION)))
                .isInstanceOf(CustodyException.class);
    }

    @Test
    void commission_validatesEveryField() {
        assertThat(new Commission("en-GB", 1000, 2, 2, PAY).language()).isEqualTo("en-GB");
        assertThatThrownBy(() -> new Commission("English", 1000, 1, 1, PAY)).isInstanceOf(CustodyException.class);
        assertThatThrownBy(() -> new Commission("en", 0, 1, 1, PAY)).isInstanceOf(CustodyException.class);
        assertThatThrownBy(() -> new Commission("en", 10, 0, 1, PAY)).isInstanceOf(CustodyException.class);
        assertThatThrownBy(() -> new Commission("en", 10, 1, 0, PAY)).isInstanceOf(CustodyException.class);
        assertThatThrownBy(() -> new Commission("en", 10, 1, 1, Money.parse("-1", "EUR")))
                .isInstanceOf(CustodyException.class);
    }
}
