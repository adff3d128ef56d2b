package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.T0;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import dev.custody.access.FailureWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.SignInFailureRepository}. Run through {@link RepositoryContract}. */
public abstract class SignInFailureRepositoryContract extends RepositoryContractSupport {
    private static final Instant LONG_AGO = T0.minus(Duration.ofDays(3650));

    @Test
    void find_anAddressWithoutFailures_isEmpty() {
        assertThat(find(r -> r.signInFailures().find(randomBytes(32)))).isEmpty();
    }

    @Test
    void failures_areCountedInTheWindowOfTheFirst() {
        Bytes address = randomBytes(32);

        var first = tx(r -> r.signInFailures().recordFailure(address, at(0), at(-1_000)));
        var second = tx(r -> r.signInFailures().recordFailure(address, at(500), at(-500)));

        assertThat(first).isEqualTo(new FailureWindow(at(0), 1));
        assertThat(second).isEqualTo(new FailureWindow(at(0), 2));
        assertThat(find(r -> r.signInFailures().find(address))).contains(second);
    }

    @Test
    void aFailureOnceTheWindowIsStale_startsANewWindow_evenAtTheVeryLimit() {
        Bytes address = randomBytes(32);
        write(r -> {
            r.signInFailures().recordFailure(address, at(0), at(-1_000));
            r.signInFailures().recordFailure(address, at(1), at(-999));
        });

        var renewed = tx(r -> r.signInFailures().recordFailure(address, at(1_000), at(0)));

        assertThat(renewed).isEqualTo(new FailureWindow(at(1_000), 1));
    }

    @Test
    void addresses_areCountedApart() {
        Bytes one = randomBytes(32);
        Bytes other = randomBytes(32);

        write(r -> {
            r.signInFailures().recordFailure(one, at(0), at(-1_000));
            r.signInFailures().recordFailure(one, at(1), at(-999));
        });
        var otherWindow = tx(r -> r.signInFailures().recordFailure(other, at(2), at(-998)));

        assertThat(otherWindow).isEqualTo(new FailureWindow(at(2), 1));
        assertThat(find(r -> r.signInFailures().find(one))).contains(new FailureWindow(at(0), 2));
    }

    @Test
    void concurrentFailures_fromHundredVirtualThreads_areAllCounted() throws Exception {
        Bytes address = randomBytes(32);
        List<Future<?>> failures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                Instant when = at(i);
                failures.add(executor.submit(
                        () -> write(r -> r.signInFailures().recordFailure(address, when, at(-1_000)))));
            }
        }
        for (Future<?> failure : failures) {
            failure.get(); // rethrows the first failure
        }

        assertThat(find(r -> r.signInFailures().find(address)).map(FailureWindow::failures))
                .contains(100);
    }

    @Test
    void purge_deletesTheWindowsThatBeganByTheLimit_andNoOthers() {
        Bytes ended = randomBytes(32);
        Bytes endsAtTheLimit = randomBytes(32);
        Bytes open = randomBytes(32);
        write(r -> {
            r.signInFailures().recordFailure(ended, LONG_AGO, LONG_AGO.minusSeconds(1));
            r.signInFailures().recordFailure(endsAtTheLimit, LONG_AGO.plusSeconds(1), LONG_AGO);
            r.signInFailures().recordFailure(open, LONG_AGO.plusSeconds(2), LONG_AGO);
        });

        int purged = tx(r -> r.signInFailures().purge(LONG_AGO.plusSeconds(1)));

        assertThat(purged).isEqualTo(2);
        assertThat(find(r -> r.signInFailures().find(ended))).isEmpty();
        assertThat(find(r -> r.signInFailures().find(endsAtTheLimit))).isEmpty();
        assertThat(find(r -> r.signInFailures().find(open))).isPresent();
    }
}
