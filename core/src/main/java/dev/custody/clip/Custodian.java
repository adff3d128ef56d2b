package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.access.AccountId;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.Tenancy;
import dev.custody.audit.IntegrityAlarm;
import dev.custody.blob.BlobStore;
import dev.custody.contributor.ContributorState;
import dev.custody.egress.EgressGuard;
import dev.custody.grant.ConsentCoverage;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantId;
import dev.custody.keys.ClipCipher;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.WrappedKey;
import dev.custody.ledger.ClipOpenEnded;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.IntegrityCheck;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import dev.custody.ledger.SuspensionCause;
import dev.custody.project.Purpose;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The only code path that yields plaintext audio. In this order it checks the caller's
 * authorization and the purpose of the open, the clip's erasure state and the presence of its
 * contributor's key, charges the egress budgets ({@link EgressGuard}), appends the access (who, which
 * clip, for what purpose) to the ledger in the same transaction ({@code ClipOpened}), then unwraps the
 * key, decrypts the whole blob (verifying every segment) and checks the SHA-256 recorded at ingest, so
 * no unverified byte is ever handed out. How the opening ended is logged before any byte leaves
 * ({@code ClipOpenEnded}: delivered, or refused with its code), so the log, and the contributor's
 * history, say whether audio left. A failed check (a tampered, swapped, truncated or missing blob; a
 * key that does not unwrap) raises the {@link IntegrityAlarm}. Opening a canary clip, or a rate far
 * above the caller's own history, suspends the caller at once.
 *
 * <p>Every open names a purpose of a controlled vocabulary ({@link OpenPurpose}): a platform purpose
 * for the roles whose work uses it ({@link PlatformPurpose}), or a data-use purpose, only under a
 * grant that names it and only for a clip whose consent allows it. A reviewer opens only clips of the
 * projects assigned to them; each opening for {@code review} is recorded as a listen, which a verdict
 * requires. A contributor opens only their own clips (for their export), and learns nothing of
 * anyone else's: another's clip and a clip that does not exist are refused alike. Any other attempt
 * is refused with nothing read and nothing changed, and the refusal is logged to the ledger.
 *
 * <p>Throws {@code PURPOSE_UNKNOWN}, {@code PURPOSE_NOT_CONSENTED}, {@code BUDGET_EXCEEDED}, {@code
 * FORBIDDEN}, {@code NOT_FOUND}, {@code ERASED} (the contributor's key is gone, whatever copies of
 * the ciphertext exist) or {@code INTEGRITY_FAILURE} (tampered, swapped or truncated ciphertext).
 */
public final class Custodian {
    /** The purpose for which a reviewer listens before a verdict. */
    public static final String REVIEW_PURPOSE = "review";

    private static final Set<Role> MAY_OPEN =
            Set.of(Role.REVIEWER, Role.BOOTSTRAP_ADMIN, Role.CONTRIBUTOR, Role.SECURITY_OFFICER);
    /** How the ledger names a refused open (RequestRefused, with the failure's code). */
    private static final String OPEN_OPERATION = "open-clip";
    /** How a refusal by the custodian itself (not by the HTTP authorization table) is named in the ledger. */
    private static final String DENIED_SCOPE = "custodian:open-clip";

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final ContributorKeys keys;
    private final Clock clock;
    private final Tenancy tenancy;
    private final IntegrityAlarm alarm;
    private final EgressGuard egress;

    public Custodian(
            MetadataStore metadata,
            BlobStore blobs,
            ContributorKeys keys,
            Tenancy tenancy,
            IntegrityAlarm alarm,
            EgressGuard egress,
            Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.alarm = requireNonNull(alarm, "alarm is null");
        this.egress = requireNonNull(egress, "egress is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.tenancy = requireNonNull(tenancy, "tenancy is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Opens a clip for a platform purpose ({@link PlatformPurpose}) of the caller's role. A data-use
     * purpose is refused here: it opens clips only under a grant that names it.
     *
     * @throws CustodyException PURPOSE_UNKNOWN for a purpose outside the vocabulary, PURPOSE_NOT_CONSENTED
     *     for one the caller's role does not use (both logged as refusals, nothing opened), and the
     *     failures the class comment lists
     */
    public ClipAudio open(Principal caller, ClipId clipId, String purposeCode) {
        caller.require(MAY_OPEN, "open clips");
        OpenPurpose purpose = platformPurposeOf(caller, purposeCode);
        boolean reviewer = caller.role() == Role.REVIEWER;
        boolean contributor = caller.role() == Role.CONTRIBUTOR;
        Decision decided = charged(
                caller,
                () -> metadata.inTransaction(repositories -> {
                    Optional<Clip> found = repositories.clips().find(clipId);
                    if (contributor
                            && !found.map(clip -> caller.contributor().equals(Optional.of(clip.contributor())))
                                    .orElse(false)) {
                        return new Decision.Denied();
                    }
                    Clip clip = found.orElseThrow(() -> CustodyException.notFound("no such clip"));
                    if (reviewer && !repositories.reviews().isAssigned(clip.project(), new AccountId(caller.id()))) {
                        return new Decision.Denied();
                    }
                    Decision release = release(repositories, caller, clip, Optional.empty(), purpose);
                    if (release instanceof Decision.Granted
                            && reviewer
                            && purpose.equals(new OpenPurpose.Platform(PlatformPurpose.REVIEW))) {
                        // A verdict requires this: a reviewer judges only what they have heard.
                        repositories.reviews().recordListen(clip.id(), new AccountId(caller.id()), clock.instant());
                    }
                    return release;
                }));
        return finish(caller, decided, purpose);
    }

    /**
     * Opens a clip for a data consumer under one of its grants, for a data-use purpose the grant
     * names: the grant must be the caller's, active and unexpired; the clip one of the grant's
     * project, accepted, unerased, and its consent must cover every purpose of the grant. This is
     * the open the delivery (export) code calls for each clip it delivers.
     *
     * @throws CustodyException PURPOSE_UNKNOWN, PURPOSE_NOT_CONSENTED, GRANT_INACTIVE, BUDGET_EXCEEDED
     *     (each logged as a refusal), FORBIDDEN (not the caller's grant, or a clip outside it; logged),
     *     ERASED, INTEGRITY_FAILURE
     */
    public ClipAudio openUnderGrant(Principal caller, GrantId grantId, ClipId clipId, String purposeCode) {
        caller.require(Set.of(Role.DATA_CONSUMER), "open clips under a grant");
        OpenPurpose purpose;
        try {
            purpose = OpenPurpose.parse(purposeCode);
        } catch (CustodyException unknown) {
            throw tenancy.refused(caller, OPEN_OPERATION, unknown);
        }
        if (!(purpose instanceof OpenPurpose.DataUse(Purpose dataUse))) {
            throw tenancy.refused(
                    caller, OPEN_OPERATION, notConsented("a grant opens clips for data-use purposes only"));
        }
        Decision decided = charged(
                caller,
                () -> metadata.inTransaction(repositories -> {
                    Optional<Grant> grant = repositories
                            .grants()
                            .find(grantId)
                            .filter(found -> found.consumer().value().equals(caller.id()));
                    Optional<Clip> clip = repositories.clips().find(clipId);
                    if (grant.isEmpty()
                            || clip.isEmpty()
                            || !clip.get().project().equals(grant.get().project())
                            || clip.get().state() != ClipState.ACCEPTED) {
                        return new Decision.Denied();
                    }
                    if (!grant.get().deliversAt(clock.instant())) {
                        return new Decision.Refused(new CustodyException(
                                ErrorCode.GRANT_INACTIVE, "the grant is expired, suspended or revoked"));
                    }
                    if (!grant.get().purposes().contains(dataUse)) {
                        return new Decision.Refused(notConsented("the grant does not name this purpose"));
                    }
                    if (ConsentCoverage.of(repositories, clip.get(), grant.get().purposes())
                            .gap()
                            .isPresent()) {
                        return new Decision.Refused(
                                notConsented("the clip's consent does not cover the grant's purposes"));
                    }
                    return release(repositories, caller, clip.get(), grant, purpose);
                }));
        return finish(caller, decided, purpose);
    }

    /**
     * The common end of every open, in its transaction: a canary suspends the caller at once; else
     * the clip's key must be live, the open is charged to the egress budgets (a rate far above the
     * caller's own history suspends it), and logged, before any byte is decrypted.
     */
    private Decision release(
            Repositories repositories, Principal caller, Clip clip, Optional<Grant> grant, OpenPurpose purpose) {
        if (repositories.suspensions().isCanary(clip.id())) {
            return new Decision.Suspend(SuspensionCause.CANARY_TOUCHED);
        }
        WrappedKey key = liveKey(repositories, clip);
        if (egress.charge(repositories.egress(), caller, grant, clip.originalBytes(), clock.instant())
                == EgressGuard.Verdict.ANOMALY) {
            return new Decision.Suspend(SuspensionCause.RATE_ANOMALY);
        }
        logOpening(repositories, caller, clip, purpose);
        return new Decision.Granted(new Access(clip, key));
    }

    /** Decrypts what was granted; logs each refusal after the transaction that decided it, which changed nothing. */
    private ClipAudio finish(Principal caller, Decision decided, OpenPurpose purpose) {
        return switch (decided) {
            case Decision.Granted(Access access) -> delivered(caller, access, purpose);
            case Decision.Refused(CustodyException failure) -> throw tenancy.refused(caller, OPEN_OPERATION, failure);
            case Decision.Denied() -> throw tenancy.deny(caller, DENIED_SCOPE);
            case Decision.Suspend(SuspensionCause cause) -> {
                egress.suspend(caller, cause);
                throw tenancy.deny(caller, DENIED_SCOPE);
            }
        };
    }

    /**
     * Decrypts and verifies the whole clip, then logs that it leaves. Two entries keep both
     * promises: ClipOpened, before the key is unwrapped, means no key is ever unwrapped unlogged;
     * ClipOpenEnded, after the whole clip verified and before its first byte leaves, tells truthfully
     * that audio was delivered. If the ledger cannot take it, nothing leaves (fail closed).
     */
    private ClipAudio delivered(Principal caller, Access access, OpenPurpose purpose) {
        Clip clip = access.clip();
        byte[] audio;
        try {
            audio = decrypt(access);
        } catch (CheckFailed | CustodyException e) {
            throw refused(caller, clip, purpose, e);
        }
        metadata.inTransaction(r -> r.ledger()
                .append(
                        ClipOpenEnded.delivered(clip.id(), clip.contributor(), clip.project()),
                        caller.actor(),
                        purpose.code(),
                        caller.requestId(),
                        clock.instant()));
        return new ClipAudio(clip, audio);
    }

    /** The platform purpose the caller's role may open for; every other purpose is refused and logged. */
    private OpenPurpose platformPurposeOf(Principal caller, String purposeCode) {
        OpenPurpose purpose;
        try {
            purpose = OpenPurpose.parse(purposeCode);
        } catch (CustodyException unknown) {
            throw tenancy.refused(caller, OPEN_OPERATION, unknown);
        }
        boolean usedByRole = switch (purpose) {
            case OpenPurpose.Platform platform -> platform.purpose().roles().contains(caller.role());
            case OpenPurpose.DataUse dataUse -> false;
        };
        if (!usedByRole) {
            throw tenancy.refused(
                    caller,
                    OPEN_OPERATION,
                    notConsented(
                            purpose instanceof OpenPurpose.DataUse
                                    ? "a data-use purpose opens clips only under a grant that names it"
                                    : "this purpose is not one your role's work uses"));
        }
        return purpose;
    }

    /**
     * Runs an open's transaction; an open over budget charged nothing (its transaction rolled back)
     * and is logged as a refusal.
     */
    private <T> T charged(Principal caller, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (CustodyException e) {
            if (e.code() == ErrorCode.BUDGET_EXCEEDED) {
                throw tenancy.refused(caller, OPEN_OPERATION, e);
            }
            throw e;
        }
    }

    /** Fail closed: the access is logged in the caller's transaction, before any byte is decrypted. */
    private void logOpening(Repositories repositories, Principal caller, Clip clip, OpenPurpose purpose) {
        repositories
                .ledger()
                .append(
                        new ClipOpened(clip.id(), clip.contributor(), clip.project()),
                        caller.actor(),
                        purpose.code(),
                        caller.requestId(),
                        clock.instant());
    }

    private static CustodyException notConsented(String message) {
        return new CustodyException(ErrorCode.PURPOSE_NOT_CONSENTED, message);
    }

    /**
     * Records how a granted opening failed, and returns the failure to throw. Tampering (a blob that
     * fails verification or is gone, a key that does not unwrap) raises the integrity alarm in the
     * same transaction; a clip erased since the access was granted is no tampering, just erased.
     */
    private CustodyException refused(Principal caller, Clip clip, OpenPurpose purpose, RuntimeException failure) {
        boolean erasedSince = metadata.inReadTransaction(r -> isErased(r, clip));
        Optional<IntegrityCheck> check =
                erasedSince || !(failure instanceof CheckFailed failed) ? Optional.empty() : Optional.of(failed.check);
        CustodyException answer = erasedSince
                ? erased()
                : check.isPresent() ? IntegrityAlarm.raisedFailure() : (CustodyException) failure;
        List<Subject> about = List.of(
                new Subject(SubjectKind.CLIP, clip.id().value()),
                new Subject(SubjectKind.CONTRIBUTOR, clip.contributor().value()),
                new Subject(SubjectKind.PROJECT, clip.project().value()));
        try {
            metadata.inTransaction(r -> {
                check.ifPresent(c -> alarm.append(r, c, about, caller.actor(), caller.requestId()));
                return r.ledger()
                        .append(
                                ClipOpenEnded.refused(clip.id(), clip.contributor(), clip.project(), answer.code()),
                                caller.actor(),
                                purpose.code(),
                                caller.requestId(),
                                clock.instant());
            });
        } catch (RuntimeException unlogged) {
            // The refusal stands; the alarm's log line, if any, was written first.
            answer.addSuppressed(unlogged);
        }
        return answer;
    }

    private static WrappedKey liveKey(Repositories repositories, Clip clip) {
        boolean erased = clip.state() == ClipState.ERASED
                || repositories
                        .contributors()
                        .find(clip.contributor())
                        .map(c -> c.state() == ContributorState.ERASED)
                        .orElse(true);
        return repositories
                .contributors()
                .voiceKey(clip.contributor())
                .filter(k -> !erased)
                .orElseThrow(Custodian::erased);
    }

    /** Whether the clip, or its contributor, or its key, or its key header, is gone by now. */
    private static boolean isErased(Repositories repositories, Clip granted) {
        Optional<Clip> now = repositories.clips().find(granted.id());
        return now.isEmpty()
                || now.get().keyHeader().isEmpty()
                || now.get().state() == ClipState.ERASED
                || repositories.contributors().voiceKey(granted.contributor()).isEmpty()
                || repositories
                        .contributors()
                        .find(granted.contributor())
                        .map(c -> c.state() == ContributorState.ERASED)
                        .orElse(true);
    }

    /** Unwraps, decrypts and verifies the whole clip; names the check that failed, if one did. */
    private byte[] decrypt(Access access) {
        Clip clip = access.clip();
        Bytes header = clip.keyHeader().orElseThrow(Custodian::erased);
        ClipCipher cipher;
        try {
            cipher = keys.clipCipher(access.key(), clip.contributor());
        } catch (CustodyException e) {
            throw CheckFailed.when(e, IntegrityCheck.KEY_UNWRAP);
        }
        byte[] plaintext;
        try (InputStream ciphertext = openBlob(clip)) {
            plaintext = cipher.decryptAll(header, ciphertext, clip.id(), clip.contributor(), clip.originalBytes());
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "clip could not be read", e);
        } catch (CustodyException e) {
            throw CheckFailed.when(e, IntegrityCheck.BLOB);
        }
        if (!Sha256.of(plaintext).equals(clip.sha256())) {
            throw new CheckFailed(IntegrityCheck.BLOB);
        }
        return plaintext;
    }

    /** The clip's ciphertext; a live clip's blob that is gone is tampering, not "not found". */
    private InputStream openBlob(Clip clip) {
        try {
            return blobs.open(clip.blob());
        } catch (CustodyException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw new CheckFailed(IntegrityCheck.BLOB_MISSING);
            }
            throw e;
        }
    }

    private static CustodyException erased() {
        return new CustodyException(ErrorCode.ERASED, "the clip was erased");
    }

    private record Access(Clip clip, WrappedKey key) {}

    /** An integrity check of the clip failed; carries which, and nothing of the data. */
    private static final class CheckFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IntegrityCheck check;

        CheckFailed(IntegrityCheck check) {
            super(check.label(), null, false, false);
            this.check = check;
        }

        /** {@code failure} as a failed check if it is an integrity failure; else itself. */
        static RuntimeException when(CustodyException failure, IntegrityCheck check) {
            return failure.code() == ErrorCode.INTEGRITY_FAILURE ? new CheckFailed(check) : failure;
        }
    }

    /** What an open's transaction decided. */
    private sealed interface Decision {
        record Granted(Access access) implements Decision {}

        record Refused(CustodyException failure) implements Decision {}

        record Denied() implements Decision {}

        record Suspend(SuspensionCause cause) implements Decision {}
    }
}
