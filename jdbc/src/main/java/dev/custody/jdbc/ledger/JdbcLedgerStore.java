package dev.custody.jdbc.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.ledger.LedgerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * <p>Finding entries by leaf hash and by contributor: on PostgreSQL a B-tree index on the leaf
 * hash and a table of contributor pointers; on SQLite one FTS5 index ({@link LedgerLookupKeys}),
 * because random-keyed B-tree inserts halved the durable append rate of its single writer.
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

    // The append path (head, entry, head) runs on plain JDBC with statements prepared once per
    // connection: it is the ledger's hottest path, and Jdbi's per-statement binding and mapping,
    // like preparing each time, cost more than executing the statements.
    private static final String SELECT_HEAD = "SELECT size FROM ledger_head WHERE id = 1";
    private static final String INSERT_ENTRY =
            "INSERT INTO ledger_entry (idx, entry, leaf_hash) VALUES (?, ?, ?) ON CONFLICT (idx) DO NOTHING";
    private static final String MOVE_HEAD = "UPDATE ledger_head SET size = ? WHERE id = 1 AND size = ?";
    private static final String INSERT_LOOKUP = "INSERT INTO ledger_lookup (rowid, keys) VALUES (?, ?)";
    private static final String INSERT_POINTER = "INSERT INTO ledger_contributor_entry (pseudonym, idx) VALUES (?, ?)"
            + " ON CONFLICT (pseudonym, idx) DO NOTHING";

    @Override
    public long size() {
        return jdbc(connection -> {
            try (ResultSet row = PreparedStatements.of(connection, SELECT_HEAD).executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the ledger head row is missing");
                }
                return row.getLong(1);
            }
        });
    }

    @Override
    public void append(long index, Bytes entry, Bytes leafHash, List<String> contributors) {
        jdbc(connection -> {
            PreparedStatement insert = PreparedStatements.of(connection, INSERT_ENTRY);
            insert.setLong(1, index);
            insert.setBytes(2, entry.toArray());
            insert.setBytes(3, leafHash.toArray());
            int inserted = insert.executeUpdate();
            // Moving the head only from index to index + 1 catches an appender that skipped the lock.
            PreparedStatement update = PreparedStatements.of(connection, MOVE_HEAD);
            update.setLong(1, index + 1);
            update.setLong(2, index);
            int moved = update.executeUpdate();
            if (inserted != 1 || moved != 1) {
                throw new CustodyException(ErrorCode.CONFLICT, "ledger entry " + index + " exists");
            }
            switch (dialect) {
                case SQLITE -> insertLookup(connection, index, LedgerLookupKeys.of(leafHash, contributors));
                case POSTGRESQL -> insertPointers(connection, index, contributors);
            }
            return null;
        });
    }

    private static void insertLookup(Connection connection, long index, String keys) throws SQLException {
        PreparedStatement insert = PreparedStatements.of(connection, INSERT_LOOKUP);
        insert.setLong(1, index);
        insert.setString(2, keys);
        insert.executeUpdate();
    }

    private static void insertPointers(Connection connection, long index, List<String> contributors)
            throws SQLException {
        for (String pseudonym : contributors) {
            PreparedStatement insert = PreparedStatements.of(connection, INSERT_POINTER);
            insert.setString(1, pseudonym);
            insert.setLong(2, index);
            insert.executeUpdate();
        }
    }

    @Override
    public List<StoredEntry> contributorEntries(String pseudonym, long before, int limit) {
        String query = switch (dialect) {
            case SQLITE ->
                "SELECT idx, entry FROM ledger_entry WHERE idx IN (SELECT rowid FROM ledger_lookup"
                        + " WHERE ledger_lookup MATCH :key AND rowid < :before ORDER BY rowid DESC LIMIT :limit)"
                        + " ORDER BY idx DESC";
            case POSTGRESQL ->
                "SELECT e.idx, e.entry FROM ledger_contributor_entry p JOIN ledger_entry e ON e.idx = p.idx"
                        + " WHERE p.pseudonym = :key AND p.idx < :before ORDER BY p.idx DESC LIMIT :limit";
        };
        String key = switch (dialect) {
            case SQLITE -> LedgerLookupKeys.match(LedgerLookupKeys.contributor(pseudonym));
            case POSTGRESQL -> pseudonym;
        };
        return sql(() -> handle.createQuery(query)
                .bind("key", key)
                .bind("before", before)
                .bind("limit", limit)
                .map((rs, ctx) -> new StoredEntry(rs.getLong("idx"), Bytes.copyOf(rs.getBytes("entry"))))
                .list());
    }

    /**
     * Writes the contributor pointers of one page of entries appended before they existed (see the
     * {@code V11} migration), in the caller's transaction; returns whether pages remain. Resumable
     * and safe to run from several nodes at once: the backfill row is locked while a page is done.
     */
    public boolean backfillContributorPointers(int pageSize) {
        if (!handle.isInTransaction()) {
            throw new IllegalStateException("the backfill needs the caller's transaction");
        }
        return sql(() -> ContributorPointerBackfill.page(
                handle,
                dialect == Dialect.POSTGRESQL,
                pageSize,
                (index, contributors) -> jdbc(connection -> {
                    switch (dialect) {
                        // The entry's row, with its leaf hash key, was written by the V13 migration.
                        case SQLITE -> insertLookup(connection, index, LedgerLookupKeys.ofContributors(contributors));
                        case POSTGRESQL -> insertPointers(connection, index, contributors);
                    }
                    return null;
                })));
    }

    private <T> T jdbc(SqlWork<T> work) {
        try {
            return work.run(handle.getConnection());
        } catch (SQLException e) {
            throw new CustodyException(ErrorCode.LEDGER_UNAVAILABLE, "the ledger's storage failed", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public Optional<Long> indexOfLeaf(Bytes leafHash) {
        return sql(() -> switch (dialect) {
            case SQLITE ->
                handle.createQuery("SELECT MIN(idx) FROM ledger_entry WHERE leaf_hash = :hash"
                                + " AND idx IN (SELECT rowid FROM ledger_lookup WHERE ledger_lookup MATCH :key)")
                        .bind("hash", leafHash.toArray())
                        .bind("key", LedgerLookupKeys.match(LedgerLookupKeys.leafHash(leafHash)))
                        .mapTo(Long.class)
                        .findOne();
            case POSTGRESQL ->
                handle.createQuery("SELECT MIN(idx) FROM ledger_entry WHERE leaf_hash = :hash")
                        .bind("hash", leafHash.toArray())
                        .mapTo(Long.class)
                        .findOne();
        });
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
