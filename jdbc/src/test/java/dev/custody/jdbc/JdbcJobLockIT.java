package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.store.JobLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one PostgreSQL database stand for two Custody nodes. */
class JdbcJobLockIT {
    private JdbcMetadataStore first;
    private JdbcMetadataStore second;

    @BeforeEach
    void open() {
        String url = EmbeddedPostgresFixture.freshDatabaseUrl();
        first = JdbcMetadataStore.openPostgres(url, EmbeddedPostgresFixture.USER, EmbeddedPostgresFixture.PASSWORD);
        second = JdbcMetadataStore.openPostgres(url, EmbeddedPostgresFixture.USER, EmbeddedPostgresFixture.PASSWORD);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void whileOneNodeRunsAJob_theOtherSkipsIt_andRunsItOnceItIsDone() throws Exception {
        JobLock nodeA = JdbcJobLock.of(first);
        JobLock nodeB = JdbcJobLock.of(second);
        var running = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        var runs = new AtomicInteger();

        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> nodeA.runIfFree("reaper", () -> {
            runs.incrementAndGet();
            running.countDown();
            await(finish);
        }));
        await(running);
        boolean bRanMeanwhile = nodeB.runIfFree("reaper", runs::incrementAndGet);
        boolean sameNodeRanMeanwhile = nodeA.runIfFree("reaper", runs::incrementAndGet);
        finish.countDown();

        assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bRanMeanwhile).isFalse();
        assertThat(sameNodeRanMeanwhile).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(nodeB.runIfFree("reaper", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void differentJobs_runAtTheSameTime() throws Exception {
        JobLock nodeA = JdbcJobLock.of(first);
        JobLock nodeB = JdbcJobLock.of(second);
        var running = new CountDownLatch(1);
        var finish = new CountDownLatch(1);

        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> nodeA.runIfFree("reaper", () -> {
            running.countDown();
            await(finish);
        }));
        await(running);
        boolean other = nodeB.runIfFree("retention", () -> {});
        finish.countDown();

        assertThat(other).isTrue();
        assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailedRun_propagatesItsException_andReleasesTheLock() {
        JobLock nodeA = JdbcJobLock.of(first);
        JobLock nodeB = JdbcJobLock.of(second);

        assertThatThrownBy(() -> nodeA.runIfFree("reaper", () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        assertThat(nodeB.runIfFree("reaper", () -> {})).isTrue();
    }

    @Test
    void workCommitsItsOwnTransactions_whileTheLockIsHeld() {
        JobLock lock = JdbcJobLock.of(first);
        var seenByTheOtherNode = new AtomicReference<Optional<String>>();

        lock.runIfFree("reaper", () -> {
            first.useTransaction(repositories -> {
                repositories.settings().put("job-test", "done");
            });
            seenByTheOtherNode.set(
                    second.inTransaction(repositories -> repositories.settings().get("job-test")));
        });

        assertThat(seenByTheOtherNode.get()).contains("done");
    }

    @Test
    void onSqlite_alwaysAcquires(@TempDir Path temp) {
        try (JdbcMetadataStore sqlite = JdbcMetadataStore.openSqlite(temp.resolve("custody.db"))) {
            JobLock lock = JdbcJobLock.of(sqlite);
            var runs = new AtomicInteger();

            boolean nested = lock.runIfFree(
                    "reaper", () -> runs.addAndGet(lock.runIfFree("reaper", runs::incrementAndGet) ? 10 : 0));

            assertThat(nested).isTrue();
            assertThat(runs).hasValue(11);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
