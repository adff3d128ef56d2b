package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.ledger.Actor;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.PromptTerms;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The idempotency keys of uploads. A key is held per sender, named as the ledger names them (a
 * contributor by pseudonym), for {@link #LIFETIME}, and recorded in the transaction that records
 * its clip: a retry finds it after a crash, and on any node sharing the database. A retry with the
 * same request is answered with the first upload's clip and receipt (rebuilt from the clip's
 * ingest entry and the terms version recorded with the key, as {@link ClipReceipts} rebuilds every
 * receipt); the same key with another request is refused ({@code IDEMPOTENCY_KEY_REUSED}).
 */
final class UploadKeys {
    /** How long a key answers retries; expired keys are forgotten by {@link #forgetExpired}. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private final MetadataStore metadata;
    private final ClipReceipts receipts;
    private final Clock clock;

    UploadKeys(MetadataStore metadata, ClipReceipts receipts, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.receipts = requireNonNull(receipts, "receipts is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** How a key's record names its sender: their role and the id the ledger gives them, never a credential. */
    static String sender(Principal caller) {
        Actor actor = caller.actor();
        return actor.role().name() + ":" + actor.id();
    }

    /**
     * The SHA-256 of what decides an upload: its project, contributor, prompt and the SHA-256 of its
     * bytes, each length-prefixed so that no two requests share an encoding.
     */
    static Bytes requestSha256(IngestRequest request, Bytes audioSha256) {
        try {
            var fields = new ByteArrayOutputStream();
            var out = new DataOutputStream(fields);
            out.writeUTF("custody/upload/v1");
            out.writeUTF(request.project().value());
            out.writeUTF(request.contributor().value());
            out.writeInt(request.promptIndex());
            out.write(audioSha256.toArray());
            return Sha256.of(fields.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first answer to this key, if it has one.
     *
     * @throws CustodyException IDEMPOTENCY_KEY_REUSED if the key came with another request; ERASED
     *     if its clip was erased since
     */
    Optional<IngestResult> replay(String sender, IdempotencyKey key, Bytes requestSha256) {
        Optional<ClipReceipts.Ingested> ingested = metadata.inReadTransaction(repositories -> repositories
                .clips()
                .uploadKey(sender, key, clock.instant())
                .map(keyed -> ingested(repositories, keyed, requestSha256)));
        return ingested.map(found ->
                new IngestResult(found.clip(), receipts.of(List.of(found)).getFirst(), true));
    }

    private static ClipReceipts.Ingested ingested(Repositories repositories, KeyedUpload keyed, Bytes requestSha256) {
        if (!keyed.requestSha256().equals(requestSha256)) {
            throw new CustodyException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for another upload: send a new key for a new upload");
        }
        // The key was recorded with its clip and that clip's ingest entry: either missing is damage.
        Clip clip = repositories.clips().find(keyed.clip()).orElseThrow(CustodyException::integrityFailure);
        if (clip.state() == ClipState.ERASED) {
            throw new CustodyException(ErrorCode.ERASED, "the clip of this Idempotency-Key was erased");
        }
        Long index = repositories.clips().ingestEntries(Set.of(clip.id())).get(clip.id());
        if (index == null) {
            throw CustodyException.integrityFailure();
        }
        LedgerEntry entry = repositories.ledger().recordedEntry(index);
        String prompt = repositories
                .projects()
                .promptTerms(clip.project(), clip.promptIndex())
                .flatMap(PromptTerms::prompt)
                .orElseThrow(CustodyException::integrityFailure);
        return new ClipReceipts.Ingested(clip, entry, prompt, keyed.consentTermsVersion());
    }

    /**
     * Records the key in the transaction that records its clip.
     *
     * @throws KeyTaken if a concurrent upload with this key committed first (so the caller rolls
     *     back and replays it)
     */
    void record(Repositories repositories, String sender, IdempotencyKey key, KeyedUpload upload, Instant now) {
        if (repositories.clips().uploadKey(sender, key, now).isPresent()) {
            throw new KeyTaken();
        }
        try {
            repositories.clips().recordUploadKey(sender, key, upload, now, now.plus(LIFETIME));
        } catch (CustodyException e) {
            // On PostgreSQL the other transaction may commit between the check and the insert.
            if (e.code() == ErrorCode.CONFLICT) {
                throw new KeyTaken();
            }
            throw e;
        }
    }

    /** Deletes the expired keys; returns how many. */
    int forgetExpired() {
        return metadata.inTransaction(repositories -> repositories.clips().forgetExpiredUploadKeys(clock.instant()));
    }

    /** A concurrent upload with the same key was recorded first: roll back, then answer with its result. */
    static final class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyTaken() {
            super("the Idempotency-Key was recorded by a concurrent upload", null, false, false);
        }
    }
}
