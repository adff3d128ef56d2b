package dev.custody.retention;

import static java.util.Objects.requireNonNull;

import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.contributor.ErasureService;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.ErasureCause;
import dev.custody.project.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Erases what may no longer be kept: every clip whose project's retention has passed since it was
 * recorded (that clip alone, by deleting its key header: {@link dev.custody.contributor.Erasures#clip}),
 * and every contributor without activity for {@link #INACTIVITY_LIMIT} (everything of theirs, by
 * deleting their key: {@link dev.custody.contributor.Erasures#contributor}). Each erasure is logged to the ledger
 * with the purpose {@code retention} and its cause, {@code RETENTION_EXPIRED} or {@code
 * CONTRIBUTOR_INACTIVE}.
 *
 * <p>The work is read from indexes of what is due, in bounded batches of one transaction each, so a
 * run never reads every clip and never holds the ledger for long. It is idempotent: what was erased
 * is no longer due, so a second run, or a run on another node at the same moment, erases nothing
 * twice. Scheduled runs also take a job lock so that nodes do not duplicate the reading. Each batch
 * is an erasing transaction ({@link ErasureService#inErasingTransaction}): the store's files are
 * purged once per batch, not per clip, before the run goes on.
 */
public final class RetentionService {
    /** How long a contributor may stay inactive: 3 years, the longest BIPA allows biometric data to be kept. */
    public static final Duration INACTIVITY_LIMIT = Project.MAX_RETENTION;

    private static final String PURPOSE = "retention";

    private static final int CLIP_BATCH = 100;
    // A contributor's erasure is a few rows whatever their clips (those follow in the background).
    private static final int CONTRIBUTOR_BATCH = 20;
    private static final Set<Role> MAY_RUN = Set.of(Role.SECURITY_OFFICER, Role.OPERATOR, Role.BOOTSTRAP_ADMIN);

    private final ErasureService erasure;
    private final Clock clock;

    public RetentionService(ErasureService erasure, Clock clock) {
        this.erasure = requireNonNull(erasure, "erasure is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Erases everything due now and returns what it erased. */
    public RetentionRun run(Principal caller) {
        caller.require(MAY_RUN, "run retention");
        // One instant for the whole run, so that a run ends even while more clips fall due.
        Instant now = clock.instant();
        Batch clips = untilDone(CLIP_BATCH, () -> eraseExpiredClips(caller, now));
        Batch contributors = untilDone(CONTRIBUTOR_BATCH, () -> eraseInactiveContributors(caller, now));
        return new RetentionRun(clips.erased(), contributors.erased(), contributors.clips());
    }

    /** Runs batches until one finds less than a full batch due; returns their sum. */
    private static Batch untilDone(int batchSize, Supplier<Batch> batch) {
        Batch total = new Batch(0, 0, 0);
        Batch last;
        do {
            last = batch.get();
            total = total.plus(last);
        } while (last.due() == batchSize);
        return total;
    }

    private Batch eraseExpiredClips(Principal caller, Instant now) {
        return erasure.inErasingTransaction(caller, PURPOSE, now, (repositories, erase) -> {
            List<ClipId> due = repositories.clips().expired(now, CLIP_BATCH);
            int erased = 0;
            for (ClipId clip : due) {
                if (erase.clip(clip, ErasureCause.RETENTION_EXPIRED)) {
                    erased++;
                }
            }
            return new Batch(due.size(), erased, erased);
        });
    }

    private Batch eraseInactiveContributors(Principal caller, Instant now) {
        Instant cutoff = now.minus(INACTIVITY_LIMIT);
        return erasure.inErasingTransaction(caller, PURPOSE, now, (repositories, erase) -> {
            List<Pseudonym> due = repositories.contributors().inactiveSince(cutoff, CONTRIBUTOR_BATCH);
            int erased = 0;
            long clips = 0;
            for (Pseudonym contributor : due) {
                OptionalInt theirClips = erase.contributor(contributor, ErasureCause.CONTRIBUTOR_INACTIVE);
                if (theirClips.isPresent()) {
                    erased++;
                    clips += theirClips.getAsInt();
                }
            }
            return new Batch(due.size(), erased, clips);
        });
    }

    /** One transaction's work: how many rows were due, how many this run erased, and their clips. */
    private record Batch(long due, long erased, long clips) {
        Batch plus(Batch other) {
            return new Batch(due + other.due, erased + other.erased, clips + other.clips);
        }
    }
}
