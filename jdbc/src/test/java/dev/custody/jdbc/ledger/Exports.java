package dev.custody.jdbc.ledger;

import dev.custody.ledger.Ledger;
import dev.custody.ledger.LedgerExportReader;
import dev.custody.ledger.LedgerExportWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/** Takes an export of the ledger as stored and opens it for reading, as an auditor would. */
final class Exports {
    private Exports() {}

    static LedgerExportReader of(Ledger ledger) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.exportTo(LedgerExportWriter.create(out));
        return LedgerExportReader.open(new ByteArrayInputStream(out.toByteArray()));
    }
}
