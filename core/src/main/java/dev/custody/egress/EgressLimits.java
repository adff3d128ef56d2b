package dev.custody.egress;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import java.util.Map;

/**
 * The egress budgets of every principal and of every organization (a grant carries its own), read
 * from the environment: {@code CUSTODY_EGRESS_PRINCIPAL_BYTES_PER_HOUR}, {@code ..._BYTES_PER_DAY},
 * {@code ..._CLIPS_PER_HOUR}, {@code ..._CLIPS_PER_DAY}, and the same with {@code ORGANIZATION} in
 * place of {@code PRINCIPAL}; and the anomaly rule: a principal whose bytes in the current hour exceed
 * {@code CUSTODY_EGRESS_ANOMALY_FACTOR} (k) times its own average hour over the trailing {@code
 * CUSTODY_EGRESS_ANOMALY_WINDOW_HOURS} is suspended. A setting left out keeps its default ({@link #DEFAULTS}); a malformed one
 * is INVALID_INPUT, naming the variable.
 */
public record EgressLimits(
        EgressBudget principal, EgressBudget organization, long anomalyFactor, long anomalyWindowHours) {
    /** A reviewer hears a few hundred clips a day; an organization's grants carry their own budgets too. */
    public static final EgressLimits DEFAULTS = new EgressLimits(
            new EgressBudget(500_000_000L, 2_000_000_000L, 1_000, 4_000),
            new EgressBudget(5_000_000_000L, 20_000_000_000L, 10_000, 50_000),
            10,
            24);

    public EgressLimits {
        requireNonNull(principal, "principal is null");
        requireNonNull(organization, "organization is null");
        if (anomalyFactor < 2 || anomalyWindowHours < 1 || anomalyWindowHours > 24 * 30) {
            throw CustodyException.invalidInput("the anomaly factor is at least 2 and its window 1 to 720 hours");
        }
    }

    public static EgressLimits fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new EgressLimits(
                budget(env, "PRINCIPAL", DEFAULTS.principal()),
                budget(env, "ORGANIZATION", DEFAULTS.organization()),
                number(env, "ANOMALY", "FACTOR", DEFAULTS.anomalyFactor()),
                number(env, "ANOMALY", "WINDOW_HOURS", DEFAULTS.anomalyWindowHours()));
    }

    private static EgressBudget budget(Map<String, String> env, String scope, EgressBudget defaults) {
        return new EgressBudget(
                number(env, scope, "BYTES_PER_HOUR", defaults.bytesPerHour()),
                number(env, scope, "BYTES_PER_DAY", defaults.bytesPerDay()),
                number(env, scope, "CLIPS_PER_HOUR", defaults.clipsPerHour()),
                number(env, scope, "CLIPS_PER_DAY", defaults.clipsPerDay()));
    }

    private static long number(Map<String, String> env, String scope, String figure, long fallback) {
        String name = "CUSTODY_EGRESS_" + scope + "_" + figure;
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CustodyException.invalidInput(name + " must be a whole number");
        }
    }
}
