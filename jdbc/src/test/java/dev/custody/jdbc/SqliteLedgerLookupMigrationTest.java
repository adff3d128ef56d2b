package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Actor;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.MerkleHashes;
import dev.custody.project.ProjectId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The V13 migration on a SQLite log kept before it: the leaf hash index and the contributor
 * pointers become the FTS5 lookup, and a pointer backfill left half done finishes into it.
 */
class SqliteLedgerLookupMigrationTest {
    private static final int ENTRIES = 30;
    private static final int POINTED_BEFORE_UPGRADE = 20;

    @TempDir
    Path folder;

    private final Pseudonym dana = Pseudonym.random();

    @Test
    void entriesOfAVersion12Log_areFoundByLeafHashAndContributor_afterTheMigration() {
        String url = "jdbc:sqlite:" + folder.resolve("custody.db").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "", "")
                .locations(Dialect.SQLITE.migrations())
                .target("12")
                .load()
                .migrate();
        List<LedgerEntry> entries = insertLogOfVersion12(url);

        try (JdbcMetadataStore store = JdbcMetadataStore.openSqlite(folder.resolve("custody.db"))) {
            List<Long> danas =
                    store.inReadTransaction(r -> r.ledger().aboutContributor(dana, Long.MAX_VALUE, 100)).stream()
                            .map(LedgerEntry::index)
                            .toList();
            assertThat(danas).containsExactly(27L, 24L, 21L, 18L, 15L, 12L, 9L, 6L, 3L, 0L);
            for (int index : new int[] {0, 7, POINTED_BEFORE_UPGRADE, ENTRIES - 1}) {
                Bytes leafHash = MerkleHashes.leafHash(LedgerEntryCodec.encode(entries.get(index)));
                Optional<Long> found = store.inReadTransaction(r -> r.ledger().indexOf(leafHash));
                assertThat(found).contains((long) index);
            }
        }
    }

    /** Entries with a leaf hash index, pointers for the first 20, and a backfill row for the rest. */
    private List<LedgerEntry> insertLogOfVersion12(String url) {
        List<LedgerEntry> entries = new ArrayList<>();
        Jdbi.create(url).useTransaction(handle -> {
            for (int i = 0; i < ENTRIES; i++) {
                Pseudonym named = i % 3 == 0 ? dana : Pseudonym.random();
                LedgerEntry entry = LedgerEntry.of(
                        i,
                        Instant.ofEpochMilli(1_000L * i),
                        new ClipOpened(ClipId.random(), named, ProjectId.random()),
                        new Actor("usr_reviewer", ActorRole.REVIEWER),
                        "review",
                        "req_" + i);
                Bytes bytes = LedgerEntryCodec.encode(entry);
                handle.execute(
                        "INSERT INTO ledger_entry (idx, entry, leaf_hash) VALUES (?, ?, ?)",
                        i,
                        bytes.toArray(),
                        MerkleHashes.leafHash(bytes).toArray());
                if (i < POINTED_BEFORE_UPGRADE) {
                    handle.execute(
                            "INSERT INTO ledger_contributor_entry (pseudonym, idx) VALUES (?, ?)", named.value(), i);
                }
                entries.add(entry);
            }
            handle.execute("UPDATE ledger_head SET size = ?", ENTRIES);
            handle.execute(
                    "INSERT INTO ledger_contributor_backfill (id, next_idx, upto) VALUES (1, ?, ?)",
                    POINTED_BEFORE_UPGRADE,
                    ENTRIES);
        });
        return entries;
    }
}
