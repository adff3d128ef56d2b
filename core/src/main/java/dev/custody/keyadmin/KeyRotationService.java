package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import dev.custody.ledger.ConfigurationChanged;
import dev.custody.ledger.KeyDestroyed;
import dev.custody.ledger.KeyRotated;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import dev.custody.store.SettingsRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rotates key-encryption keys, rewraps what older versions wrap, and destroys versions no copy of
 * the data needs any more: the path by which an erasure reaches the backups too. A backup taken
 * before a rotation holds wrapped keys under the old version; once that version is destroyed, the
 * backup is ciphertext without a key.
 *
 * <p>Guarantees: {@link #rotate} and {@link #destroy} are logged in the ledger ({@code KeyRotated},
 * {@code KeyDestroyed}) in the transaction that records them. {@link #destroy} refuses with {@code
 * CONFLICT} while any row is still wrapped under the version, while the version is active, and until
 * the backup retention ({@value #RETENTION_SETTING} in days, default 30) has passed since the version
 * was retired by the next rotation; a version whose retirement was never recorded is never
 * destroyed. {@link #rewrap} is resumable by construction (see {@link RewrapBatch}). With a {@link
 * KeySchedule}, {@link #runSchedule} does the rotation and the destruction on its own, so that an
 * erasure reaches every copy within the interval plus the retention. Every method
 * requires the bootstrap administrator ({@code FORBIDDEN} otherwise).
 *
 * <p>The provider and the database cannot change in one transaction. A rotation whose commit fails
 * leaves the new version active but unrecorded: data stays readable, and the old version cannot be
 * destroyed until a later rotation records its retirement. A destruction is the last step before
 * the commit, after its ledger entry, so only a failed commit can leave it unrecorded.
 */
public final class KeyRotationService {
    public static final String RETENTION_SETTING = "keys.backup-retention-days";
    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 3650;

    private static final Set<Role> MAY_ADMINISTER = Set.of(Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> MAY_SEE = Set.of(Role.SECURITY_OFFICER, Role.AUDITOR, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final KeyProvider provider;
    private final RewrapBatch rewrap;
    private final KeySchedule schedule;
    private final Clock clock;

    public KeyRotationService(MetadataStore metadata, KeyProvider provider, KeySchedule schedule, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.provider = requireNonNull(provider, "provider is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.rewrap = new RewrapBatch(provider);
    }

    /** Makes a new version of the purpose's KEK active and returns it; the previous one is retired. */
    public KekId rotate(Principal caller, KeyPurpose purpose) {
        caller.require(MAY_ADMINISTER, "rotate keys");
        requireNonNull(purpose, "purpose is null");
        Instant now = clock.instant();
        return metadata.inTransaction(repositories -> {
            KekId from = provider.activeKek(purpose);
            KekId to = provider.rotate(purpose);
            BackupRetention.recordRetirement(repositories.settings(), from, now);
            KekActivation.record(repositories.settings(), to, now);
            repositories
                    .ledger()
                    .append(
                            new KeyRotated(from.uri().toString(), purpose, from.version(), to.version()),
                            caller.actor(),
                            "key-rotation",
                            caller.requestId(),
                            now);
            return to;
        });
    }

    /** Rewraps up to {@code batchSize} rows under older versions, in one transaction. */
    public RewrapProgress rewrap(Principal caller, int batchSize) {
        caller.require(MAY_ADMINISTER, "rewrap keys");
        if (batchSize < 1 || batchSize > 10_000) {
            throw CustodyException.invalidInput("batch size must be 1 to 10000");
        }
        return metadata.inTransaction(repositories -> rewrap.run(repositories, batchSize));
    }

    /**
     * How long backups are kept, hence how long after a KEK rotation an erased key may still be
     * opened from a backup; read inside the caller's transaction.
     */
    public static Duration backupRetention(SettingsRepository settings) {
        return BackupRetention.of(requireNonNull(settings, "settings is null"));
    }

    /** Per purpose: the active version, every live version and every version that still wraps rows. */
    public KeyStatus status(Principal caller) {
        caller.require(MAY_SEE, "see the keys");
        return metadata.inTransaction(repositories -> {
            List<PurposeStatus> purposes = new ArrayList<>();
            for (KeyPurpose purpose : KeyPurpose.values()) {
                purposes.add(status(repositories, purpose));
            }
            return new KeyStatus(
                    purposes, BackupRetention.of(repositories.settings()), schedule, nextRotation(repositories));
        });
    }

    /**
     * The schedule's work, run by a background job: rotates each KEK whose active version has been
     * active for the schedule's interval (the rewrap job then moves the keys over), and destroys
     * every retired version that no row uses and no backup may need any more. Each act is logged as
     * the manual one is. Does nothing without a schedule.
     */
    public ScheduledRun runSchedule(Principal caller) {
        caller.require(MAY_ADMINISTER, "rotate keys");
        List<KekId> rotated = new ArrayList<>();
        List<KekId> destroyed = new ArrayList<>();
        if (schedule.every().isEmpty()) {
            return new ScheduledRun(rotated, destroyed);
        }
        for (KeyPurpose purpose : KeyPurpose.values()) {
            if (rotationDue(purpose, schedule.every().get())) {
                rotated.add(rotate(caller, purpose));
            }
        }
        for (KeyPurpose purpose : KeyPurpose.values()) {
            for (KekId kek : provider.versions(purpose)) {
                if (!kek.equals(provider.activeKek(purpose)) && unneeded(purpose, kek)) {
                    destroyed.add(destroy(caller, purpose, kek.version()));
                }
            }
        }
        return new ScheduledRun(rotated, destroyed);
    }

    private boolean rotationDue(KeyPurpose purpose, Duration every) {
        Instant now = clock.instant();
        return metadata.inTransaction(repositories -> {
            KekId active = provider.activeKek(purpose);
            var activated = KekActivation.of(repositories.settings(), active);
            if (activated.isEmpty()) {
                // Made before activations were recorded: the interval counts from now.
                KekActivation.record(repositories.settings(), active, now);
                return false;
            }
            return !now.isBefore(activated.get().plus(every));
        });
    }

    private boolean unneeded(KeyPurpose purpose, KekId kek) {
        Instant now = clock.instant();
        try {
            metadata.inReadTransaction(repositories -> {
                refuseWhileNeeded(repositories, purpose, kek, now);
                return null;
            });
            return true;
        } catch (CustodyException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            return false;
        }
    }

    /** The earliest scheduled rotation among the purposes, once their activation is recorded. */
    private Optional<Instant> nextRotation(Repositories repositories) {
        return schedule.every()
                .flatMap(every -> Arrays.stream(KeyPurpose.values())
                        .flatMap(purpose ->
                                KekActivation.of(repositories.settings(), provider.activeKek(purpose)).stream())
                        .map(activated -> activated.plus(every))
                        .min(Comparator.naturalOrder()));
    }

    /** Destroys one version of the purpose's KEK for good; see the class documentation for the refusals. */
    public KekId destroy(Principal caller, KeyPurpose purpose, int version) {
        caller.require(MAY_ADMINISTER, "destroy keys");
        requireNonNull(purpose, "purpose is null");
        KekId kek = versionOf(purpose, version);
        Instant now = clock.instant();
        return metadata.inTransaction(repositories -> {
            refuseWhileNeeded(repositories, purpose, kek, now);
            repositories
                    .ledger()
                    .append(
                            new KeyDestroyed(kek.uri().toString(), purpose, kek.version()),
                            caller.actor(),
                            "key-destruction",
                            caller.requestId(),
                            now);
            provider.destroy(kek);
            return kek;
        });
    }

    /**
     * Sets how many days backups are kept, so how long a retired version must outlive its
     * retirement; logged as a configuration change. Fails {@code INVALID_INPUT} outside 0 to 3650.
     */
    public void setBackupRetention(Principal caller, int days) {
        caller.require(MAY_ADMINISTER, "change the backup retention");
        if (days < 0 || days > MAX_RETENTION_DAYS) {
            throw CustodyException.invalidInput("backup retention must be 0 to " + MAX_RETENTION_DAYS + " days");
        }
        Instant now = clock.instant();
        metadata.useTransaction(repositories -> {
            Bytes old = repositories
                    .settings()
                    .get(RETENTION_SETTING)
                    .map(Sha256::of)
                    .orElse(Sha256.OF_NOTHING);
            repositories.settings().put(RETENTION_SETTING, Integer.toString(days));
            repositories
                    .ledger()
                    .append(
                            new ConfigurationChanged(RETENTION_SETTING, old, Sha256.of(Integer.toString(days))),
                            caller.actor(),
                            "configuration",
                            caller.requestId(),
                            now);
        });
    }

    private KekId versionOf(KeyPurpose purpose, int version) {
        if (version < 1) {
            throw CustodyException.invalidInput("version must be positive");
        }
        return new KekId(provider.activeKek(purpose).uri(), version);
    }

    private void refuseWhileNeeded(Repositories repositories, KeyPurpose purpose, KekId kek, Instant now) {
        if (kek.equals(provider.activeKek(purpose))) {
            throw conflict(kek + " is the active version: rotate first");
        }
        if (!provider.versions(purpose).contains(kek)) {
            // Versions are never reused and the active one is the highest: below it, a missing
            // version was destroyed; above it, there never was one.
            if (kek.version() < provider.activeKek(purpose).version()) {
                throw conflict(kek + " was already destroyed");
            }
            throw CustodyException.notFound("no key-encryption key " + kek);
        }
        long rows = repositories.wrappedKeys().countByKek(purpose).getOrDefault(kek, 0L);
        if (rows > 0) {
            throw conflict(rows + " wrapped keys still use " + kek + ": rewrap them first");
        }
        BackupRetention.requireExpired(repositories.settings(), kek, now);
    }

    private PurposeStatus status(Repositories repositories, KeyPurpose purpose) {
        KekId active = provider.activeKek(purpose);
        List<KekId> live = provider.versions(purpose);
        Map<KekId, Long> rows = repositories.wrappedKeys().countByKek(purpose);
        Set<KekId> all = new TreeSet<>(
                Comparator.comparing((KekId kek) -> kek.uri().toString()).thenComparingInt(KekId::version));
        all.addAll(live);
        all.addAll(rows.keySet());
        List<KekVersionStatus> versions = all.stream()
                .map(kek ->
                        new KekVersionStatus(kek, live.contains(kek), kek.equals(active), rows.getOrDefault(kek, 0L)))
                .toList();
        return new PurposeStatus(purpose, active, versions);
    }

    private static CustodyException conflict(String message) {
        return new CustodyException(ErrorCode.CONFLICT, message);
    }
}
