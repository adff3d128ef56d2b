package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.blob.BlobStore;
import dev.custody.contributor.ContributorState;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.WrappedKey;
import dev.custody.ledger.ClipOpened;
import dev.custody.store.MetadataStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only code path that yields plaintext audio. In this order it checks the caller's
 * authorization (a reviewer, or the clip's own contributor), the clip's erasure state and the
 * presence of its contributor's key, appends the access (who, which clip, for what purpose) to the
 * ledger in the same transaction, then unwraps the key, decrypts the whole blob (verifying every
 * segment) and checks the SHA-256 recorded at ingest, so no unverified byte is ever handed out.
 *
 * <p>Throws {@code FORBIDDEN}, {@code NOT_FOUND}, {@code ERASED} (the contributor's key is gone,
 * whatever copies of the ciphertext exist) or {@code INTEGRITY_FAILURE} (tampered, swapped or
 * truncated ciphertext).
 */
public final class Custodian {
    private static final Set<Role> MAY_OPEN = Set.of(Role.REVIEWER, Role.BOOTSTRAP_ADMIN, Role.CONTRIBUTOR);
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,64}");

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final ContributorKeys keys;
    private final Clock clock;

    public Custodian(MetadataStore metadata, BlobStore blobs, ContributorKeys keys, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ClipAudio open(Principal caller, ClipId clipId, String purpose) {
        caller.require(MAY_OPEN, "open clips");
        requirePurpose(purpose);
        Access access = metadata.inTransaction(repositories -> {
            Clip clip = repositories.clips().find(clipId).orElseThrow(() -> notFound(caller));
            if (caller.role() == Role.CONTRIBUTOR && !caller.contributor().equals(Optional.of(clip.contributor()))) {
                throw forbidden();
            }
            boolean erased = clip.state() == ClipState.ERASED
                    || repositories
                            .contributors()
                            .find(clip.contributor())
                            .map(c -> c.state() == ContributorState.ERASED)
                            .orElse(true);
            WrappedKey key = repositories
                    .contributors()
                    .voiceKey(clip.contributor())
                    .filter(k -> !erased)
                    .orElseThrow(Custodian::erased);
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
            return new Access(clip, key);
        });
        return new ClipAudio(access.clip(), decrypt(access));
    }

    private byte[] decrypt(Access access) {
        Clip clip = access.clip();
        var cipher = keys.clipCipher(access.key(), clip.contributor());
        byte[] plaintext;
        try (InputStream ciphertext = blobs.open(clip.blob())) {
            Bytes header = clip.keyHeader().orElseThrow(Custodian::erased);
            plaintext = cipher.decryptAll(header, ciphertext, clip.id(), clip.contributor(), clip.originalBytes());
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "clip could not be read", e);
        }
        if (!Sha256.of(plaintext).equals(clip.sha256())) {
            throw CustodyException.integrityFailure();
        }
        return plaintext;
    }

    private static void requirePurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw CustodyException.invalidInput(
                    "a purpose is required: 1 to 64 of a-z, 0-9 and '-' (for example review)");
        }
    }

    /** A contributor opens their own clips only, and learns nothing of anyone else's. */
    private static CustodyException notFound(Principal caller) {
        return caller.role() == Role.CONTRIBUTOR ? forbidden() : CustodyException.notFound("no such clip");
    }

    private static CustodyException forbidden() {
        return new CustodyException(ErrorCode.FORBIDDEN, "not allowed to open this clip");
    }

    private static CustodyException erased() {
        return new CustodyException(ErrorCode.ERASED, "the clip was erased");
    }

    private record Access(Clip clip, WrappedKey key) {}
}
