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
import dev.custody.keys.ClipCipher;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.WrappedKey;
import dev.custody.ledger.ClipOpenEnded;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.IntegrityCheck;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only code path that yields plaintext audio. In this order it checks the caller's
 * authorization, the clip's erasure state and the presence of its contributor's key, appends the
 * access (who, which clip, for what purpose) to the ledger in the same transaction ({@code
 * ClipOpened}), then unwraps the key, decrypts the whole blob (verifying every segment) and checks
 * the SHA-256 recorded at ingest, so no unverified byte is ever handed out. How the opening ended
 * is logged before any byte leaves ({@code ClipOpenEnded}: delivered, or refused with its code), so
 * the log, and the contributor's history, say whether audio left. A failed check (a tampered,
 * swapped, truncated or missing blob; a key that does not unwrap) raises the {@link IntegrityAlarm}.
 *
 * <p>A reviewer opens only clips of the projects assigned to them, and only for the purpose {@code
 * review}; each such opening is recorded as a listen, which a verdict requires. A contributor opens
 * only their own clips (for their export, say), and learns nothing of anyone else's: another's clip
 * and a clip that does not exist are refused alike. Any other attempt is refused with nothing read
 * and nothing changed, and the refusal is logged to the ledger.
 *
 * <p>Throws {@code FORBIDDEN}, {@code NOT_FOUND}, {@code ERASED} (the contributor's key is gone,
 * whatever copies of the ciphertext exist) or {@code INTEGRITY_FAILURE} (tampered, swapped or
 * truncated ciphertext).
 */
public final class Custodian {
    /** The one purpose for which a reviewer may open a clip. */
    public static final String REVIEW_PURPOSE = "review";

    private static final Set<Role> MAY_OPEN = Set.of(Role.REVIEWER, Role.BOOTSTRAP_ADMIN, Role.CONTRIBUTOR);
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,64}");
    /** How a refusal by the custodian itself (not by the HTTP authorization table) is named in the ledger. */
    private static final String DENIED_SCOPE = "custodian:open-clip";

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final ContributorKeys keys;
    private final Clock clock;
    private final Tenancy tenancy;
    private final IntegrityAlarm alarm;

    public Custodian(
            MetadataStore metadata,
            BlobStore blobs,
            ContributorKeys keys,
            Tenancy tenancy,
            IntegrityAlarm alarm,
            Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.alarm = requireNonNull(alarm, "alarm is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.tenancy = requireNonNull(tenancy, "tenancy is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ClipAudio open(Principal caller, ClipId clipId, String purpose) {
        caller.require(MAY_OPEN, "open clips");
        requirePurpose(purpose);
        boolean reviewer = caller.role() == Role.REVIEWER;
        if (reviewer && !REVIEW_PURPOSE.equals(purpose)) {
            throw tenancy.deny(caller, DENIED_SCOPE);
        }
        boolean contributor = caller.role() == Role.CONTRIBUTOR;
        Optional<Access> granted = metadata.inTransaction(repositories -> {
            Optional<Clip> found = repositories.clips().find(clipId);
            if (contributor
                    && !found.map(clip -> caller.contributor().equals(Optional.of(clip.contributor())))
                            .orElse(false)) {
                return Optional.empty();
            }
            Clip clip = found.orElseThrow(() -> CustodyException.notFound("no such clip"));
            if (reviewer && !repositories.reviews().isAssigned(clip.project(), new AccountId(caller.id()))) {
                return Optional.empty();
            }
            WrappedKey key = liveKey(repositories, clip);
            // Fail closed: the access is logged in this transaction, before any byte is decrypted;
            // if the ledger cannot take the entry, nothing is returned.
            repositories
                    .ledger()
                    .append(
                            new ClipOpened(clip.id(), clip.contributor(), clip.project()),
                            caller.actor(),
                            purpose,
                            caller.requestId(),
                            clock.instant());
            if (reviewer) {
                // A verdict requires this: a reviewer judges only what they have heard.
                repositories.reviews().recordListen(clip.id(), new AccountId(caller.id()), clock.instant());
            }
            return Optional.of(new Access(clip, key));
        });
        // The refusal is logged after the transaction that found it, which changed nothing.
        Access access = granted.orElseThrow(() -> tenancy.deny(caller, DENIED_SCOPE));
        Clip clip = access.clip();
        byte[] audio;
        try {
            audio = decrypt(access);
        } catch (CheckFailed | CustodyException e) {
            throw refused(caller, clip, purpose, e);
        }
        // Two entries keep both promises: ClipOpened, before the key is unwrapped, means no key is
        // ever unwrapped unlogged; this one, after the whole clip verified and before its first byte
        // leaves, tells truthfully that audio was delivered. If the ledger cannot take it, nothing
        // leaves (fail closed).
        metadata.inTransaction(r -> r.ledger()
                .append(
                        ClipOpenEnded.delivered(clip.id(), clip.contributor(), clip.project()),
                        caller.actor(),
                        purpose,
                        caller.requestId(),
                        clock.instant()));
        return new ClipAudio(clip, audio);
    }

    /**
     * Records how a granted opening failed, and returns the failure to throw. Tampering (a blob that
     * fails verification or is gone, a key that does not unwrap) raises the integrity alarm in the
     * same transaction; a clip erased since the access was granted is no tampering, just erased.
     */
    private CustodyException refused(Principal caller, Clip clip, String purpose, RuntimeException failure) {
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
                                purpose,
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

    private static void requirePurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw CustodyException.invalidInput(
                    "a purpose is required: 1 to 64 of a-z, 0-9 and '-' (for example review)");
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
}
