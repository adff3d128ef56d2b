package dev.custody.audit;

/** How far the ledger has grown past its latest signed checkpoint. */
public record LedgerStatus(long size, long checkpointedSize) {
    public LedgerStatus {
        if (size < 0 || checkpointedSize < 0 || checkpointedSize > size) {
            throw new IllegalArgumentException("sizes out of range");
        }
    }

    public long uncovered() {
        return size - checkpointedSize;
    }
}
