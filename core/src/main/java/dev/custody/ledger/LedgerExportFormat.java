package dev.custody.ledger;

/** The constants of the ledger export format; the format is described in {@link LedgerExportWriter}. */
final class LedgerExportFormat {
    static final byte[] MAGIC = {'C', 'L', 'E', 'X'};
    static final int VERSION = 1;
    static final int END = 0x00;
    static final int CHECKPOINT = 0x01;
    static final int ENTRY = 0x02;
    static final int MAX_CHECKPOINT = 64 * 1024;
    static final int MAX_ENTRY = 1024 * 1024;

    private LedgerExportFormat() {}
}
