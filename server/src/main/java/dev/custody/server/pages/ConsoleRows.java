package dev.custody.server.pages;

/** The rows the client and security consoles list, as their pages show them. */
public final class ConsoleRows {
    private ConsoleRows() {}

    /** A grant of the organization: {@code deliverable} counts only while it {@code delivers}. */
    public record GrantRow(
            String id,
            String project,
            String consumer,
            String purposes,
            String state,
            String expiresAt,
            boolean delivers,
            long deliverable,
            long excluded) {
        public boolean ended() {
            return state.equals("REVOKED");
        }
    }

    /** A revocation a buyer has not acknowledged in time. */
    public record RevocationRow(String grant, long sequence, String reason, String revokedAt) {}

    /** An integrity failure recorded in the ledger: which check, about which ids, when. */
    public record FailureRow(long index, String time, String check, String about, String actorRole, String requestId) {}

    /** A suspension by the egress guard; {@code liftedAt} is empty while it holds. */
    public record SuspensionRow(String principal, String cause, String suspendedAt, String liftedAt) {
        public boolean inForce() {
            return liftedAt.isEmpty();
        }
    }

    /** One purpose's key versions, the active one and the rows a rewrap has left. */
    public record KeyRow(String purpose, String active, long remaining, String versions) {}

    /**
     * The ledger's size, its latest checkpoint and how old the newest entry it covers is, in whole
     * minutes ({@code coveredUntil} empty and the age -1 for a checkpoint of the empty log).
     */
    public record LedgerHealth(long size, long checkpointSize, String rootHash, String coveredUntil, long ageMinutes) {
        public long uncovered() {
            return size - checkpointSize;
        }
    }

    /** The key schedule: empty strings where no schedule is set. */
    public record KeySchedule(
            long backupRetentionDays, String rotateEveryDays, String nextRotation, String erasureBoundDays) {}
}
