package dev.custody.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit for a single-writer database. Concurrent transactions queue; whoever holds the
 * writer lock runs every queued one inside a single database transaction and commits once, so one
 * fsync serves many transactions — what lets a {@code synchronous=FULL} database keep up with many
 * concurrent writers. Every caller returns only after the commit that holds its work is durable.
 *
 * <p>Works in one group run one after another, so each sees the writes of those before it, exactly
 * as if they had committed in that order. If any work of a group throws, or the commit fails, the
 * whole group is rolled back and each of its works is run again in a transaction of its own: the
 * failing one fails alone, the others commit. A work may therefore run twice, which is why works
 * must have no effect outside their transaction.
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

    /** One caller's work and, once its group is done, its outcome. */
    private static final class Pending<T> {
        private final HandleCallback<T, RuntimeException> work;
        private T result;
        private RuntimeException failure;
        private volatile boolean finished;

        Pending(HandleCallback<T, RuntimeException> work) {
            this.work = work;
        }

        void runIn(org.jdbi.v3.core.Handle handle) {
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
            finished = true;
        }

        void committed() {
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
