package dev.custody.jdbc;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.store.JobLock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/**
 * The {@link JobLock} of a {@link JdbcMetadataStore}.
 *
 * <p>On PostgreSQL it is a transaction-level advisory lock, {@code pg_try_advisory_xact_lock}, keyed
 * by a constant for Custody and the hash of the job name, held by one transaction open for the
 * length of the run. PostgreSQL releases it when that transaction ends, including when the node's
 * connection dies, so a crashed node never leaves a job locked.
 *
 * <p>On SQLite it always acquires: a SQLite database belongs to one process (the embedded default
 * locks its data folder), whose background jobs already run on one thread.
 */
public final class JdbcJobLock implements JobLock {
    /** The advisory lock's first key: "CUST", so Custody's locks never meet another application's. */
    private static final int NAMESPACE = 0x43555354;

    private final JdbcMetadataStore store;

    private JdbcJobLock(JdbcMetadataStore store) {
        this.store = store;
    }

    public static JobLock of(JdbcMetadataStore store) {
        requireNonNull(store, "store is null");
        return switch (store.dialect()) {
            case SQLITE ->
                (job, work) -> {
                    requireNonNull(job, "job is null");
                    work.run();
                    return true;
                };
            case POSTGRESQL -> new JdbcJobLock(store);
        };
    }

    @Override
    public boolean runIfFree(String job, Runnable work) {
        requireNonNull(job, "job is null");
        requireNonNull(work, "work is null");
        return store.inJdbcTransaction(repositories -> {
            boolean acquired = repositories
                    .handle()
                    .createQuery("SELECT pg_try_advisory_xact_lock(:namespace, :job)")
                    .bind("namespace", NAMESPACE)
                    .bind("job", job.hashCode())
                    .mapTo(Boolean.class)
                    .one();
            if (acquired) {
                runElsewhere(work);
            }
            return acquired;
        });
    }

    /**
     * Runs the work on another thread and waits for it: Jdbi hands a thread's open handle to nested
     * transactions, and the work's own transactions must commit on their own, not inside the one
     * that holds the lock.
     */
    private static void runElsewhere(Runnable work) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CustodyException(ErrorCode.INTERNAL, "background job failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustodyException(ErrorCode.INTERNAL, "interrupted while running a background job", e);
        }
    }
}
