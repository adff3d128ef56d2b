package dev.custody.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit for a single-writer database. Concurrent transactions queue; whoever holds the
 * writer lock runs every queued one inside a single database transaction, each in its own
 * savepoint, and commits once. A work that throws is rolled back to its savepoint alone and its
 * caller gets the exception; the others commit. Every caller returns only after the commit that
 * holds its work is durable. One fsync thus serves many transactions, which is what lets a
 * {@code synchronous=FULL} database keep up with many concurrent writers.
 *
 * <p>Works in one group run one after another, so each sees the writes of those before it, exactly
 * as if they had committed in that order.
 */
final class GroupCommit {
    private static final int MAX_GROUP = 256;

    private final Jdbi jdbi;
    private final ReentrantLock writer;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(Jdbi jdbi, ReentrantLock writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    <T> T run(HandleCallback<T, RuntimeException> work) {
        var pending = new Pending<>(work);
        queue.add(pending);
        writer.lock();
        try {
            // A previous holder of the lock may have committed this work already.
            while (!pending.finished) {
                commitGroup(drain());
            }
        } finally {
            writer.unlock();
        }
        return pending.outcome();
    }

    private List<Pending<?>> drain() {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> next; group.size() < MAX_GROUP && (next = queue.poll()) != null; ) {
            group.add(next);
        }
        return group;
    }

    private void commitGroup(List<Pending<?>> group) {
        try {
            jdbi.useTransaction(handle -> {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).runIn(handle, "work" + i);
                }
            });
            group.forEach(Pending::committed);
        } catch (RuntimeException e) {
            // The commit itself failed: nothing of the group is durable.
            group.forEach(pending -> pending.failed(e));
        }
    }

    /** One caller's work and, once its group is done, its outcome. */
    private static final class Pending<T> {
        private final HandleCallback<T, RuntimeException> work;
        private T result;
        private RuntimeException failure;
        private volatile boolean finished;

        Pending(HandleCallback<T, RuntimeException> work) {
            this.work = work;
        }

        void runIn(Handle handle, String savepoint) {
            handle.savepoint(savepoint);
            try {
                result = work.withHandle(handle);
                handle.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                failure = e;
                // Undoes this work alone; the savepoint is released by the group's commit.
                handle.rollbackToSavepoint(savepoint);
            }
        }

        void committed() {
            finished = true;
        }

        void failed(RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
            finished = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
