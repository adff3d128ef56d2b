package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.audio.AudioDecoder;
import dev.custody.audio.DecodedAudio;
import dev.custody.audio.QualityFigures;
import dev.custody.audio.QualityGate;
import dev.custody.audit.CheckpointIssuer;
import dev.custody.audit.ReceiptProofs;
import dev.custody.blob.BlobId;
import dev.custody.blob.BlobStore;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.ClipEncryptingStream;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.WrappedKey;
import dev.custody.ledger.ClipIngested;
import dev.custody.ledger.ClipRejected;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.PromptTerms;
import dev.custody.receipt.Receipt;
import dev.custody.receipt.ReceiptSigner;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ingest pipeline. An upload is read up to its project's cap, parsed strictly, passed through
 * the quality gate, hashed, encrypted under its contributor's key into a new blob, and recorded;
 * only then is a signed receipt issued. All or nothing: if any step fails, the blob is deleted and
 * no row is written, and the error names the reason ({@code AUDIO_*}, {@code PAYLOAD_TOO_LARGE},
 * {@code CONSENT_REQUIRED}, {@code ERASED}, {@code DUPLICATE_AUDIO}, ...).
 */
public final class IngestService {
    private static final Set<Role> MAY_INGEST = Set.of(Role.CONTRIBUTOR, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final ContributorKeys keys;
    private final ReceiptSigner receipts;
    private final ReceiptProofs proofs;
    private final UploadKeys uploadKeys;
    private final Clock clock;

    public IngestService(
            MetadataStore metadata,
            BlobStore blobs,
            ContributorKeys keys,
            ReceiptSigner receipts,
            CheckpointIssuer checkpoints,
            Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.receipts = requireNonNull(receipts, "receipts is null");
        this.proofs = new ReceiptProofs(metadata, requireNonNull(checkpoints, "checkpoints is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.uploadKeys = new UploadKeys(metadata, new ClipReceipts(metadata, checkpoints, receipts), clock);
    }

    /** Forgets the idempotency keys older than 24 hours; returns how many. */
    public int forgetExpiredKeys() {
        return uploadKeys.forgetExpired();
    }

    /** Ingests an upload sent without an idempotency key. */
    public IngestResult ingest(Principal caller, IngestRequest request, InputStream upload) {
        return ingest(caller, request, Optional.empty(), upload);
    }

    /**
     * Ingests an upload. With a key, a retry of an upload already recorded (the same key from the
     * same sender within 24 hours, with the same project, contributor, prompt and bytes) returns
     * that upload's clip and receipt and stores nothing; concurrent uploads with one key store one
     * clip and all return its answer. The key's check comes before every check of the audio.
     *
     * @throws CustodyException IDEMPOTENCY_KEY_REUSED for the key of another request,
     *     DUPLICATE_AUDIO for audio the contributor already has in a live clip, or any refusal above
     */
    public IngestResult ingest(
            Principal caller, IngestRequest request, Optional<IdempotencyKey> key, InputStream upload) {
        requireNonNull(key, "key is null");
        authorize(caller, request);
        var sent = new Upload(caller, request, ClipId.random(), key);
        Admission admission;
        byte[] original;
        try {
            admission = metadata.inReadTransaction(repositories -> admit(repositories, request));
            original = BoundedUpload.read(upload, admission.terms().limits().maxUploadBytes());
        } catch (CustodyException e) {
            throw logRejection(sent, e);
        }
        Bytes audioSha256 = Sha256.of(original);
        Bytes requestSha256 = UploadKeys.requestSha256(request, audioSha256);
        Optional<IngestResult> earlier = replay(sent, requestSha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Assessed assessed;
        try {
            assessed = assess(sent, admission, original, audioSha256);
        } catch (CustodyException e) {
            // A concurrent upload with this key may have recorded this very audio since the replay
            // above looked: then its answer is this one's, not a duplicate.
            if (e.code() == ErrorCode.DUPLICATE_AUDIO) {
                Optional<IngestResult> concurrent = replay(sent, requestSha256);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
            }
            throw logRejection(sent, e);
        }
        return record(sent, admission, assessed, original, requestSha256);
    }

    private static void authorize(Principal caller, IngestRequest request) {
        caller.require(MAY_INGEST, "upload clips");
        if (caller.role() == Role.CONTRIBUTOR
                && !caller.requireContributor("upload clips").equals(request.contributor())) {
            // A contributor records as themselves only.
            throw new CustodyException(ErrorCode.FORBIDDEN, "not allowed to upload clips for someone else");
        }
    }

    /** The answer of an earlier upload with this key and request, if there was one. */
    private Optional<IngestResult> replay(Upload sent, Bytes requestSha256) {
        if (sent.key().isEmpty()) {
            return Optional.empty();
        }
        try {
            return uploadKeys.replay(sent.sender(), sent.key().get(), requestSha256);
        } catch (CustodyException e) {
            throw logRejection(sent, e);
        }
    }

    /** What the audio's checks found; a refusal here leaves nothing behind, not even a blob. */
    private Assessed assess(Upload sent, Admission admission, byte[] original, Bytes sha256) {
        DecodedAudio audio = AudioDecoder.decode(original);
        QualityFigures quality = QualityGate.assess(audio, admission.terms().limits());
        // Checked before the work of encrypting, and again in the transaction that records the clip.
        metadata.inReadTransaction(
                repositories -> refuseDuplicate(repositories, sent.request().contributor(), sha256));
        return new Assessed(audio, quality, sha256);
    }

    private IngestResult record(
            Upload sent, Admission admission, Assessed assessed, byte[] original, Bytes requestSha256) {
        IngestRequest request = sent.request();
        EncryptedBlob encrypted = encryptToBlob(admission.voiceKey(), sent.clip(), request.contributor(), original);
        Clip clip = new Clip(
                sent.clip(),
                request.project(),
                request.contributor(),
                request.promptIndex(),
                assessed.audio().info(),
                original.length,
                assessed.sha256(),
                assessed.quality(),
                ClipState.PENDING_REVIEW,
                encrypted.blob(),
                Optional.of(encrypted.header()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        int termsVersion = admission.terms().consentTermsVersion();
        LedgerEntry entry;
        try {
            var keyed = new KeyedUpload(requestSha256, clip.id(), termsVersion);
            entry = metadata.inTransaction(repositories -> store(repositories, sent, clip, keyed));
        } catch (UploadKeys.KeyTaken taken) {
            // A concurrent upload with this key was recorded first: its answer is this one's.
            discard(clip.blob(), taken);
            return replay(sent, requestSha256).orElseThrow(() -> new IllegalStateException("the key vanished"));
        } catch (RuntimeException e) {
            discard(clip.blob(), e);
            throw e instanceof CustodyException refused ? logRejection(sent, refused) : e;
        }
        Receipt receipt =
                ClipReceipts.unsigned(clip, admission.prompt(), termsVersion).withLedger(proofs.include(entry));
        return new IngestResult(clip, receipts.sign(receipt), false);
    }

    /**
     * Records the clip, its key and its ledger entry in one transaction, after checking again what
     * may have changed while the upload ran: the consent, the key, the contributor's audio.
     */
    private LedgerEntry store(Repositories repositories, Upload sent, Clip clip, KeyedUpload keyed) {
        admit(repositories, sent.request());
        repositories.clips().lockUploadsOf(clip.contributor());
        if (sent.key().isPresent()) {
            uploadKeys.record(repositories, sent.sender(), sent.key().get(), keyed, clip.createdAt());
        }
        refuseDuplicate(repositories, clip.contributor(), clip.sha256());
        repositories.clips().insert(clip);
        repositories.contributors().recordActivity(clip.contributor(), clip.createdAt());
        var event = new ClipIngested(clip.id(), clip.contributor(), clip.project(), clip.sha256());
        Principal caller = sent.caller();
        LedgerEntry logged =
                repositories.ledger().append(event, caller.actor(), "ingest", caller.requestId(), clip.createdAt());
        // So the clip's receipt can be rebuilt later from this entry, found without a search.
        repositories.clips().recordIngestEntry(clip.id(), logged.index());
        return logged;
    }

    private static Void refuseDuplicate(Repositories repositories, Pseudonym contributor, Bytes sha256) {
        Optional<ClipId> earlier = repositories.clips().liveWithAudio(contributor, sha256);
        if (earlier.isPresent()) {
            throw new CustodyException(
                    ErrorCode.DUPLICATE_AUDIO,
                    "this audio is already clip " + earlier.get().value() + " of this contributor");
        }
        return null;
    }

    /**
     * Deletes the blob of a clip that was not recorded. If that fails too, the refusal stands and the
     * blob is left to {@link dev.custody.blob.OrphanBlobSweep}.
     */
    private void discard(BlobId blob, RuntimeException refusal) {
        try {
            blobs.delete(blob);
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
        }
    }

    /** Logs why an upload was refused; the refusal stands even if the log cannot take it. */
    private CustodyException logRejection(Upload sent, CustodyException e) {
        try {
            metadata.inTransaction(repositories -> repositories
                    .ledger()
                    .append(
                            new ClipRejected(sent.clip(), sent.request().project(), e.code()),
                            sent.caller().actor(),
                            "ingest",
                            sent.caller().requestId(),
                            clock.instant()));
        } catch (RuntimeException logFailure) {
            e.addSuppressed(logFailure);
        }
        return e;
    }

    // Runs twice per upload (before reading it, and again in the transaction that records it), so
    // it reads the one prompt the clip is for, never all of the project's prompts.
    private Admission admit(Repositories repositories, IngestRequest request) {
        PromptTerms terms = repositories
                .projects()
                .promptTerms(request.project(), request.promptIndex())
                .orElseThrow(() -> CustodyException.notFound("no such project"));
        String prompt = terms.prompt()
                .orElseThrow(
                        () -> CustodyException.invalidInput("no prompt " + request.promptIndex() + " in this project"));
        Pseudonym contributor = request.contributor();
        var state = repositories
                .contributors()
                .find(contributor)
                .orElseThrow(() -> CustodyException.notFound("no such contributor"))
                .state();
        Optional<WrappedKey> voiceKey = repositories.contributors().voiceKey(contributor);
        if (state == ContributorState.ERASED || voiceKey.isEmpty()) {
            throw new CustodyException(ErrorCode.ERASED, "the contributor was erased");
        }
        boolean consented = repositories
                .consents()
                .latest(contributor, request.project())
                .filter(consent -> consent.active() && consent.termsVersion() == terms.consentTermsVersion())
                .isPresent();
        if (!consented) {
            throw new CustodyException(
                    ErrorCode.CONSENT_REQUIRED,
                    "the contributor has not consented to version " + terms.consentTermsVersion() + " of the terms");
        }
        return new Admission(terms, prompt, voiceKey.get());
    }

    private EncryptedBlob encryptToBlob(WrappedKey voiceKey, ClipId clipId, Pseudonym contributor, byte[] original) {
        var cipher = keys.clipCipher(voiceKey, contributor);
        var header = new AtomicReference<Bytes>();
        BlobId blob = blobs.write(out -> {
            try (ClipEncryptingStream encrypting = cipher.encrypt(out, clipId, contributor)) {
                encrypting.write(original);
                encrypting.close();
                header.set(encrypting.header());
            }
        });
        return new EncryptedBlob(blob, header.get());
    }

    private record Assessed(DecodedAudio audio, QualityFigures quality, Bytes sha256) {}

    private record EncryptedBlob(BlobId blob, Bytes header) {}

    private record Admission(PromptTerms terms, String prompt, WrappedKey voiceKey) {}

    /** Who sent an upload, for what, under which key, and the id its clip would have. */
    private record Upload(Principal caller, IngestRequest request, ClipId clip, Optional<IdempotencyKey> key) {
        String sender() {
            return UploadKeys.sender(caller);
        }
    }
}
