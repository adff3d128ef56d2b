package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedStatementsTest {
    private static final String SELECT = "SELECT name FROM people WHERE id = :id";
    private static final String LATER = "SELECT id FROM people WHERE id > :id ORDER BY id";

    @TempDir
    Path folder;

    private Connection connection;
    private Jdbi jdbi;
    private final List<PreparedStatement> executed = new ArrayList<>();

    @BeforeEach
    void openDatabase() throws Exception {
        connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("test.db"));
        jdbi = ReusedStatements.over(connection);
        jdbi.useHandle(handle -> {
            handle.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            handle.execute("INSERT INTO people VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Hedy')");
        });
    }

    @AfterEach
    void closeDatabase() throws Exception {
        connection.close();
    }

    @Test
    void theSameSql_runsOnOnePreparedStatement_acrossHandles_withItsOwnParameters() {
        String first = jdbi.withHandle(handle -> name(handle, 1));
        String second = jdbi.withHandle(handle -> name(handle, 2));

        assertThat(first).isEqualTo("Ada");
        assertThat(second).isEqualTo("Grace");
        assertThat(executed).hasSize(2);
        assertThat(executed.get(1)).isSameAs(executed.get(0));
    }

    @Test
    void theSameSqlRunInsideItsOwnResults_getsASecondStatement_andBothReadTheirOwnRows() {
        List<String> later = jdbi.withHandle(handle -> laterIds(handle, 0).stream()
                .map(id -> id + ":" + laterIds(handle, id).list())
                .toList());

        assertThat(later).containsExactly("1:[2, 3]", "2:[3]", "3:[]");
        assertThat(executed).hasSize(4);
        assertThat(executed.get(1)).isNotSameAs(executed.get(0));
        assertThat(executed.get(2)).isSameAs(executed.get(1));
    }

    @Test
    void aResultLeftUnread_holdsNoSnapshot_soAWriteOnAnotherConnectionIsSeen() throws Exception {
        jdbi.useHandle(handle -> handle.createQuery("SELECT name FROM people ORDER BY id")
                .mapTo(String.class)
                .findFirst());
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("test.db"))) {
            other.createStatement().executeUpdate("UPDATE people SET name = 'Ida' WHERE id = 1");
        }

        String renamed = jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM people ORDER BY id")
                .mapTo(String.class)
                .findFirst()
                .orElseThrow());

        assertThat(renamed).isEqualTo("Ida");
    }

    @Test
    void aStatementThatFailed_runsCleanlyNextTime_andLeavesNoTransactionOpen() throws Exception {
        String insert = "INSERT INTO people (id, name) VALUES (:id, :name)";
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.createUpdate(insert)
                        .bind("id", 1)
                        .bind("name", "Again")
                        .execute()))
                .isInstanceOf(JdbiException.class);

        jdbi.useHandle(handle -> handle.createUpdate(insert)
                .bind("id", 4)
                .bind("name", "Katherine")
                .execute());

        String added = jdbi.withHandle(handle -> name(handle, 4));
        assertThat(added).isEqualTo("Katherine");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("test.db"))) {
            assertThat(other.createStatement().executeUpdate("DELETE FROM people WHERE id = 4"))
                    .isEqualTo(1);
        }
    }

    private String name(Handle handle, int id) {
        return recorded(handle.createQuery(SELECT).bind("id", id))
                .mapTo(String.class)
                .one();
    }

    private ResultIterable<Integer> laterIds(Handle handle, int id) {
        return recorded(handle.createQuery(LATER).bind("id", id)).mapTo(Integer.class);
    }

    private Query recorded(Query query) {
        return query.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext context) {
                executed.add(statement);
            }
        });
    }
}
