package dev.custody.jdbc.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.ledger.LedgerStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The ledger's storage in the metadata database (tables of the {@code V2__ledger} migration), on a
 * Jdbi {@link Handle} whose transaction the caller owns: an entry commits with the change it
 * records. Appending requires that transaction to be open.
 *
 * <p>Sequencing: on PostgreSQL, {@link #lockHead()} locks the single {@code ledger_head} row
 * ({@code SELECT ... FOR UPDATE}), so appenders in any number of processes queue there; the
 * transaction must run at READ COMMITTED (the default), where a waiter then sees the committed
 * head. On SQLite the database serializes writers: open its connections with transactions that
 * begin IMMEDIATE (sqlite-jdbc {@code transaction_mode=IMMEDIATE}), so a writer holds the lock
 * from its first statement. On both, the entry index is the primary key, so a fork or a duplicate
 * cannot be stored.
 *
 * <p>Database failures surface as {@code LEDGER_UNAVAILABLE}; a second entry at an index or a
 * second checkpoint at a size as {@code CONFLICT}.
 */
public final class JdbcLedgerStore implements LedgerStore {
    private final Handle handle;
    private final Dialect dialect;

    private JdbcLedgerStore(Handle handle, Dialect dialect) {
        this.handle = requireNonNull(handle, "handle is null");
        this.dialect = dialect;
    }

    public static JdbcLedgerStore sqlite(Handle handle) {
        return new JdbcLedgerStore(handle, Dialect.SQLITE);
    }

    public static JdbcLedgerStore postgres(Handle handle) {
        return new JdbcLedgerStore(handle, Dialect.POSTGRESQL);
    }

    @Override
    public long lockHead() {
        if (!handle.isInTransaction()) {
            throw new IllegalStateException("appending to the ledger needs the caller's transaction");
        }
        return sql(() -> switch (dialect) {
            case POSTGRESQL ->
                handle.createQuery("SELECT size FROM ledger_head WHERE id = 1 FOR UPDATE")
                        .mapTo(Long.class)
                        .one();
            // Custody's SQLite transactions begin IMMEDIATE (see SqliteDatabase): the write lock
            // is already held, so reading the head is enough.
            case SQLITE -> size();
        });
    }

    @Override
    public long size() {
        return sql(() -> handle.createQuery("SELECT size FROM ledger_head WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void append(long index, Bytes entry, Bytes leafHash) {
        sql(() -> {
            int inserted = handle.createUpdate(
                            "INSERT INTO ledger_entry (idx, entry, leaf_hash) VALUES (:idx, :entry, :leaf)"
                                    + " ON CONFLICT (idx) DO NOTHING")
                    .bind("idx", index)
                    .bind("entry", entry.toArray())
                    .bind("leaf", leafHash.toArray())
                    .execute();
            // Moving the head only from index to index + 1 catches an appender that skipped the lock.
            int moved = handle.createUpdate("UPDATE ledger_head SET size = :next WHERE id = 1 AND size = :idx")
                    .bind("next", index + 1)
                    .bind("idx", index)
                    .execute();
            if (inserted != 1 || moved != 1) {
                throw new CustodyException(ErrorCode.CONFLICT, "ledger entry " + index + " exists");
            }
            return null;
        });
    }

    @Override
    public Optional<Long> indexOfLeaf(Bytes leafHash) {
        return sql(() -> handle.createQuery("SELECT MIN(idx) FROM ledger_entry WHERE leaf_hash = :hash")
                .bind("hash", leafHash.toArray())
                .mapTo(Long.class)
                .findOne());
    }

    @Override
    public List<Bytes> leafHashes(long from, long to) {
        return sql(() -> handle.createQuery(
                        "SELECT leaf_hash FROM ledger_entry WHERE idx >= :from AND idx < :to ORDER BY idx")
                .bind("from", from)
                .bind("to", to)
                .mapTo(byte[].class)
                .map(Bytes::copyOf)
                .list());
    }

    @Override
    public List<StoredEntry> entries(long from, int limit) {
        return sql(() -> handle.createQuery(
                        "SELECT idx, entry FROM ledger_entry WHERE idx >= :from ORDER BY idx LIMIT :limit")
                .bind("from", from)
                .bind("limit", limit)
                .map((rs, ctx) -> new StoredEntry(rs.getLong("idx"), Bytes.copyOf(rs.getBytes("entry"))))
                .list());
    }

    @Override
    public Optional<Bytes> tile(int level, long index) {
        return sql(() -> handle.createQuery("SELECT hashes FROM ledger_tile WHERE level = :level AND idx = :idx")
                .bind("level", level)
                .bind("idx", index)
                .mapTo(byte[].class)
                .map(Bytes::copyOf)
                .findOne());
    }

    @Override
    public void putTile(int level, long index, Bytes hashes) {
        sql(() -> handle.createUpdate("INSERT INTO ledger_tile (level, idx, hashes) VALUES (:level, :idx, :hashes)"
                        + " ON CONFLICT (level, idx) DO UPDATE SET hashes = excluded.hashes")
                .bind("level", level)
                .bind("idx", index)
                .bind("hashes", hashes.toArray())
                .execute());
    }

    @Override
    public void addCheckpoint(long size, String note) {
        int inserted = sql(() -> handle.createUpdate(
                        "INSERT INTO ledger_checkpoint (size, note) VALUES (:size, :note) ON CONFLICT (size) DO NOTHING")
                .bind("size", size)
                .bind("note", note)
                .execute());
        if (inserted != 1) {
            throw new CustodyException(ErrorCode.CONFLICT, "a checkpoint of size " + size + " exists");
        }
    }

    @Override
    public Optional<String> checkpoint(long size) {
        return sql(() -> handle.createQuery("SELECT note FROM ledger_checkpoint WHERE size = :size")
                .bind("size", size)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public Optional<String> latestCheckpoint() {
        return sql(() -> handle.createQuery("SELECT note FROM ledger_checkpoint ORDER BY size DESC LIMIT 1")
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public List<String> checkpoints() {
        return sql(() -> handle.createQuery("SELECT note FROM ledger_checkpoint ORDER BY size")
                .mapTo(String.class)
                .list());
    }

    private static <T> T sql(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new CustodyException(ErrorCode.LEDGER_UNAVAILABLE, "the ledger's storage failed", e);
        }
    }

    private enum Dialect {
        SQLITE,
        POSTGRESQL
    }
}
