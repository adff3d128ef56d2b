package dev.custody.store;

import dev.custody.clip.ClipId;
import dev.custody.egress.Suspension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Suspensions of principals, and the canary clips whose touch causes one. */
public interface SuspensionRepository {
    void insert(Suspension suspension);

    /** Every suspension, newest first. */
    List<Suspension> all();

    /** The principal's suspension in force, if any. */
    Optional<Suspension> inForce(String principalId);

    /** Lifts the principal's suspension in force; false if there is none. */
    boolean lift(String principalId, String liftedBy, Instant at);

    void markCanary(ClipId clip);

    boolean isCanary(ClipId clip);
}
