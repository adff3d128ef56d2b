package dev.custody.egress;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantBudget;
import dev.custody.store.EgressRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Charges every open to the caller, the caller's organization and the grant it is made under, before
 * any byte is read: each scope's bytes and clips of the current hour and of the last 24 hours (and a
 * grant's in total) must stay within its budget, else {@code BUDGET_EXCEEDED}. The charge is made in
 * the open's transaction, so a refused open (or any later failure in it) charges nothing, and counts
 * live in the database, so all nodes count together.
 */
public final class EgressGuard {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant EPOCH = Instant.EPOCH;

    private final EgressLimits limits;
    private final Suspensions suspensions;

    public EgressGuard(EgressLimits limits, Suspensions suspensions) {
        this.limits = requireNonNull(limits, "limits is null");
        this.suspensions = requireNonNull(suspensions, "suspensions is null");
    }

    /** What a charge found. */
    public enum Verdict {
        /** Charged, within every budget. */
        WITHIN_BUDGET,
        /** Not charged: the caller's rate this hour is over k times its own baseline; suspend it. */
        ANOMALY
    }

    /**
     * Charges one clip of {@code bytes}; {@code BUDGET_EXCEEDED} if a budget would be exceeded (the
     * caller's transaction must then roll back), {@link Verdict#ANOMALY} if the caller's bytes this
     * hour would pass k times its baseline: its average over the hours it used in the trailing window.
     * A principal with no history has no baseline; its budgets bound it.
     */
    public Verdict charge(EgressRepository usage, Principal caller, Optional<Grant> grant, long bytes, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant dayStart = hour.minus(DAY).plus(Duration.ofHours(1));
        if (anomalous(usage, "principal:" + caller.id(), hour, bytes)) {
            return Verdict.ANOMALY;
        }
        check(usage, "principal:" + caller.id(), limits.principal(), hour, dayStart, bytes);
        if (caller.organization().isPresent()) {
            check(usage, "organization:" + caller.organization().get(), limits.organization(), hour, dayStart, bytes);
        }
        if (grant.isPresent()) {
            GrantBudget budget = grant.get().budget();
            String scope = "grant:" + grant.get().id();
            check(
                    usage,
                    scope,
                    new EgressBudget(
                            budget.bytesPerHour(), budget.bytesPerDay(), budget.clipsPerHour(), budget.clipsPerDay()),
                    hour,
                    dayStart,
                    bytes);
            EgressUsage total = usage.since(scope, EPOCH);
            if (total.bytes() > budget.bytesTotal() || total.clips() > budget.clipsTotal()) {
                throw exceeded("the grant's total");
            }
        }
        return Verdict.WITHIN_BUDGET;
    }

    /** Suspends the caller (see {@link Suspensions}). */
    public void suspend(Principal caller, dev.custody.ledger.SuspensionCause cause) {
        suspensions.suspend(caller, cause);
    }

    private boolean anomalous(EgressRepository usage, String scope, Instant hour, long bytes) {
        Instant windowStart = hour.minus(Duration.ofHours(limits.anomalyWindowHours()));
        long activeHours = usage.activeHours(scope, windowStart, hour);
        if (activeHours == 0) {
            return false;
        }
        long baseline = usage.between(scope, windowStart, hour).bytes() / activeHours;
        long thisHour =
                usage.between(scope, hour, hour.plus(Duration.ofHours(1))).bytes() + bytes;
        return thisHour > limits.anomalyFactor() * Math.max(1, baseline);
    }

    private static void check(
            EgressRepository usage, String scope, EgressBudget budget, Instant hour, Instant dayStart, long bytes) {
        EgressUsage thisHour = usage.charge(scope, hour, bytes);
        if (thisHour.bytes() > budget.bytesPerHour() || thisHour.clips() > budget.clipsPerHour()) {
            throw exceeded("an hourly");
        }
        EgressUsage today = usage.since(scope, dayStart);
        if (today.bytes() > budget.bytesPerDay() || today.clips() > budget.clipsPerDay()) {
            throw exceeded("a daily");
        }
    }

    private static CustodyException exceeded(String which) {
        return new CustodyException(
                ErrorCode.BUDGET_EXCEEDED, "this would exceed " + which + " egress budget; nothing was sent");
    }
}
