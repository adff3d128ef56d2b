package dev.custody.access;

import static dev.custody.access.SignInThrottle.MAX_FAILURES_PER_ADDRESS;
import static dev.custody.access.SignInThrottle.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void fewerFailuresThanTheLimit_refuseNothing() {
        var window = new FailureWindow(START, MAX_FAILURES_PER_ADDRESS - 1);

        assertThat(SignInThrottle.refusedUntil(window, START.plusSeconds(1))).isEmpty();
    }

    @Test
    void theLimit_refusesUntilTheWindowEnds() {
        var window = new FailureWindow(START, MAX_FAILURES_PER_ADDRESS);

        assertThat(SignInThrottle.refusedUntil(window, START)).contains(START.plus(WINDOW));
        assertThat(SignInThrottle.refusedUntil(window, START.plus(WINDOW).minusMillis(1)))
                .contains(START.plus(WINDOW));
    }

    @Test
    void onceTheWindowHasEnded_nothingIsRefused_howeverManyFailures() {
        var window = new FailureWindow(START, MAX_FAILURES_PER_ADDRESS * 10);

        assertThat(SignInThrottle.refusedUntil(window, START.plus(WINDOW))).isEmpty();
    }
}
