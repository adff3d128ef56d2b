package dev.custody.delivery;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opens and prepares samples on virtual threads, at most {@code window} ahead of the writer, and
 * hands them over in the source's order. Opening a clip waits on the ledger's commit and the blob
 * store; with several in flight those waits overlap (and the ledger groups their commits), while
 * the writer keeps one order. Closing it cancels what is still in flight.
 */
final class PreparationPipeline implements Iterator<PreparedSample>, AutoCloseable {
    private final Iterator<DeliveryItem> items;
    private final SamplePreparation preparation;
    private final int window;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Future<PreparedSample>> inFlight = new ArrayDeque<>();

    PreparationPipeline(Iterator<DeliveryItem> items, SamplePreparation preparation, int window) {
        this.items = items;
        this.preparation = preparation;
        this.window = window;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !inFlight.isEmpty();
    }

    @Override
    public PreparedSample next() {
        fill();
        Future<PreparedSample> first = inFlight.removeFirst();
        try {
            return first.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CustodyException(ErrorCode.INTERNAL, "a clip could not be prepared", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustodyException(ErrorCode.INTERNAL, "interrupted", e);
        }
    }

    private void fill() {
        while (inFlight.size() < window && items.hasNext()) {
            DeliveryItem item = items.next();
            inFlight.addLast(threads.submit(() -> preparation.prepare(item)));
        }
    }

    @Override
    public void close() {
        inFlight.forEach(future -> future.cancel(true));
        threads.shutdownNow();
        threads.close();
    }
}
