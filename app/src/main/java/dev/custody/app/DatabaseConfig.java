package dev.custody.app;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Where metadata lives. Switched over exhaustively in {@link Custody}; no default branch. */
public sealed interface DatabaseConfig {
    /** The embedded default: one SQLite file in WAL mode. */
    record Sqlite(Path file) implements DatabaseConfig {
        public Sqlite {
            requireNonNull(file, "file is null");
        }
    }

    /** PostgreSQL, for many nodes. The password comes from the environment, never a file in the repository. */
    record Postgres(String jdbcUrl, String user, String password) implements DatabaseConfig {
        public Postgres {
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public String toString() {
            return "Postgres[" + jdbcUrl + ", user=" + user + ", password=redacted]";
        }
    }
}
