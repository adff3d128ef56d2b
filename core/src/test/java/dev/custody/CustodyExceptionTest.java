package dev.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CustodyExceptionTest {
    @Test
    void rateLimited_carriesItsCodeAndWhenToComeBack() {
        var e = CustodyException.rateLimited("slow down", Duration.ofSeconds(90));

        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
    }

    @Test
    void otherFailures_sayNothingAboutRetrying() {
        assertThat(CustodyException.invalidInput("bad").retryAfter()).isEmpty();
    }

    @Test
    void rateLimited_withoutAPositiveWait_isAProgrammerError() {
        assertThatThrownBy(() -> CustodyException.rateLimited("slow down", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustodyException.rateLimited("slow down", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
