package dev.custody.store;

/**
 * Makes a background job run on one node at a time, however many nodes share the metadata store.
 * Each node still schedules the job; a node that finds the job running elsewhere skips its turn,
 * so queued work is never done twice at once and is never left for want of a particular node.
 *
 * <p>Guarantees: while {@link #runIfFree} runs the work of a job on one node, the same call for the
 * same job on any node sharing the store returns {@code false} without running it. The lock is
 * released when the work returns or throws, and when the node dies. Exceptions of the work
 * propagate unchanged; a store that cannot be reached fails with {@code STORAGE_UNAVAILABLE}
 * before running anything.
 */
public interface JobLock {
    /**
     * Runs {@code work} if no node is running the job named {@code job} now.
     *
     * @return whether the work ran
     */
    boolean runIfFree(String job, Runnable work);
}
