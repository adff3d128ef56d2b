package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.ledger.Action;
import dev.custody.ledger.Actor;
import dev.custody.ledger.IntegrityCheck;
import dev.custody.ledger.IntegrityFailed;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.Subject;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Raises the alarm when data at rest fails an integrity check: a WARN line in the server's log
 * naming the check and the ids it concerned (a clip, its contributor and project; never a key, a
 * byte of the data or how the check failed), and an {@link IntegrityFailed} ledger entry with a
 * pointer for the security officer's list, in one transaction. The failure the caller gets stays the
 * uniform {@code INTEGRITY_FAILURE}.
 *
 * <p>The list is read from the ledger, through the pointers: an attacker who can write the database
 * could delete a pointer row, but not the entry, which the checkpoints hold; so the ledger is the
 * record and the table only says where to look (each entry read is checked to be a failure).
 */
public final class IntegrityAlarm {
    /** The most failures one page lists. */
    public static final int MAX_PAGE = 500;

    private static final System.Logger LOG = System.getLogger(IntegrityAlarm.class.getName());
    private static final Set<Role> MAY_READ = Set.of(Role.SECURITY_OFFICER, Role.AUDITOR, Role.BOOTSTRAP_ADMIN);
    private static final String PURPOSE = "integrity";

    private final MetadataStore metadata;
    private final Clock clock;

    public IntegrityAlarm(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Logs the failure and appends it, with its pointer, in the caller's transaction ({@code
     * repositories}), for callers that record more with it (an open's outcome).
     */
    public LedgerEntry append(
            Repositories repositories, IntegrityCheck check, List<Subject> about, Actor actor, String requestId) {
        warn(check, about, requestId);
        LedgerEntry entry = repositories
                .ledger()
                .append(new IntegrityFailed(check, about), actor, PURPOSE, requestId, clock.instant());
        repositories.integrityFailures().add(entry.index());
        return entry;
    }

    /**
     * Logs the failure and appends it in a transaction of its own; returns the uniform failure to
     * throw, marked as {@link #raised}. The alarm stands in the log even if the ledger cannot take
     * it (a damaged log may be why).
     */
    public CustodyException raise(IntegrityCheck check, List<Subject> about, Actor actor, String requestId) {
        CustodyException failure = raisedFailure();
        try {
            metadata.inTransaction(r -> append(r, check, about, actor, requestId));
        } catch (RuntimeException unlogged) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the integrity failure could not be added to the ledger: {0}",
                    code(unlogged));
            failure.addSuppressed(unlogged);
        }
        return failure;
    }

    /** The uniform failure, marked as one whose alarm was raised. */
    public static CustodyException raisedFailure() {
        return CustodyException.integrityFailure(new Raised());
    }

    /** Whether the alarm for {@code failure} was raised already, so a caller further up raises none. */
    public static boolean raised(CustodyException failure) {
        return failure.getCause() instanceof Raised;
    }

    /** Up to {@code limit} recorded failures with ledger index below {@code before}, newest first. */
    public FailurePage failures(Principal caller, long before, int limit) {
        caller.require(MAY_READ, "read integrity failures");
        if (before < 0) {
            throw CustodyException.invalidInput("before must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw CustodyException.invalidInput("limit must be 1 to " + MAX_PAGE);
        }
        List<LedgerEntry> entries = metadata.inReadTransaction(r -> {
            var ledger = r.ledger();
            List<LedgerEntry> read = new ArrayList<>();
            for (long index : r.integrityFailures().before(before, limit)) {
                LedgerEntry entry = ledger.recordedEntry(index);
                // The pointer only says where to look: anything else there is damage.
                if (entry.action() != Action.INTEGRITY_FAILED) {
                    throw CustodyException.integrityFailure();
                }
                read.add(entry);
            }
            return read;
        });
        Optional<Long> next =
                entries.size() == limit ? Optional.of(entries.getLast().index()) : Optional.empty();
        return new FailurePage(entries, next);
    }

    private static void warn(IntegrityCheck check, List<Subject> about, String requestId) {
        String ids = about.stream()
                .map(s -> s.kind().name().toLowerCase() + "=" + s.id())
                .collect(Collectors.joining(" "));
        LOG.log(
                System.Logger.Level.WARNING,
                "integrity check failed: {0} {1} request={2}",
                check.label(),
                ids,
                requestId);
    }

    private static String code(RuntimeException e) {
        return e instanceof CustodyException custody
                ? custody.code().name()
                : e.getClass().getName();
    }

    /** A page of integrity failures, newest first; {@code next} is the {@code before} of the next page. */
    public record FailurePage(List<LedgerEntry> entries, Optional<Long> next) {
        public FailurePage {
            entries = List.copyOf(requireNonNull(entries, "entries is null"));
            requireNonNull(next, "next is null");
        }
    }

    /** Marks a failure whose alarm was raised; carries nothing. */
    private static final class Raised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Raised() {
            super("integrity alarm raised", null, false, false);
        }
    }
}
