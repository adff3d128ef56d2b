package dev.custody.jdbc;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit for a single-writer database. Transactions queue for one writer thread, which runs
 * every queued one inside a single database transaction and commits once, so one fsync serves many
 * transactions — what lets a {@code synchronous=FULL} database keep up with many concurrent
 * writers. Every caller returns only after the commit that holds its work is durable.
 *
 * <p>The writer is a platform thread because the database driver blocks in native code, which
 * would pin a virtual thread to its carrier for the whole fsync; callers, virtual or not, simply
 * wait for their outcome.
 *
 * <p>Works in one group run one after another, so each sees the writes of those before it, exactly
 * as if they had committed in that order. If any work of a group throws, or the commit fails, the
 * whole group is rolled back and each of its works is run again in a transaction of its own: the
 * failing one fails alone, the others commit. A work may therefore run twice, which is why works
 * must have no effect outside their transaction. A work must not start another transaction.
 */
final class GroupCommit implements AutoCloseable {
    private static final int MAX_GROUP = 256;

    private final Jdbi jdbi;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::commitLoop);
    }

    <T> T run(HandleCallback<T, RuntimeException> work) {
        if (closed) {
            throw closedStore();
        }
        var pending = new Pending<>(work);
        queue.add(pending);
        return pending.outcome();
    }

    private void commitLoop() {
        List<Pending<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue; // close() interrupts to end the wait; the loop condition decides
            }
            queue.drainTo(group, MAX_GROUP - 1);
            commitGroup(group);
            group.clear();
        }
    }

    private void commitGroup(List<Pending<?>> group) {
        if (group.size() > 1) {
            try {
                jdbi.useTransaction(handle -> {
                    for (Pending<?> pending : group) {
                        pending.runIn(handle);
                    }
                });
                group.forEach(Pending::committed);
                return;
            } catch (RuntimeException e) {
                // Rolled back whole: fall through and give every work a transaction of its own.
            }
        }
        for (Pending<?> pending : group) {
            pending.runAlone(jdbi);
        }
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending<?> left; (left = queue.poll()) != null; ) {
            left.failed(closedStore());
        }
    }

    private static CustodyException closedStore() {
        return new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "the metadata database is closed");
    }

    /** One caller's work and, once its group is done, its outcome. */
    private static final class Pending<T> {
        private final HandleCallback<T, RuntimeException> work;
        private final CountDownLatch done = new CountDownLatch(1);
        private T result;
        private RuntimeException failure;

        Pending(HandleCallback<T, RuntimeException> work) {
            this.work = work;
        }

        void runIn(Handle handle) {
            result = work.withHandle(handle);
        }

        void runAlone(Jdbi jdbi) {
            try {
                result = jdbi.inTransaction(work);
                failure = null;
            } catch (RuntimeException e) {
                result = null;
                failure = e;
            }
            done.countDown();
        }

        void committed() {
            done.countDown();
        }

        void failed(RuntimeException e) {
            failure = e;
            done.countDown();
        }

        T outcome() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CustodyException(
                        ErrorCode.STORAGE_UNAVAILABLE, "interrupted while waiting for the database", e);
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
