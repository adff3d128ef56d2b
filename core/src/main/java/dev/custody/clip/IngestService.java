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
 * {@code CONSENT_REQUIRED}, {@code ERASED}, ...).
 */
public final class IngestService {
    private static final Set<Role> MAY_INGEST = Set.of(Role.CONTRIBUTOR, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final ContributorKeys keys;
    private final ReceiptSigner receipts;
    private final ReceiptProofs proofs;
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
    }

    public IngestResult ingest(Principal caller, IngestRequest request, InputStream upload) {
        caller.require(MAY_INGEST, "upload clips");
        if (caller.role() == Role.CONTRIBUTOR
                && !caller.requireContributor("upload clips").equals(request.contributor())) {
            // A contributor records as themselves only.
            throw new CustodyException(ErrorCode.FORBIDDEN, "not allowed to upload clips for someone else");
        }
        ClipId clipId = ClipId.random();
        Admission admission;
        try {
            admission = metadata.inReadTransaction(repositories -> admit(repositories, request));
        } catch (CustodyException e) {
            throw logRejection(caller, clipId, request, e);
        }
        byte[] original;
        DecodedAudio audio;
        QualityFigures quality;
        try {
            original = BoundedUpload.read(upload, admission.terms().limits().maxUploadBytes());
            audio = AudioDecoder.decode(original);
            quality = QualityGate.assess(audio, admission.terms().limits());
        } catch (CustodyException e) {
            throw logRejection(caller, clipId, request, e);
        }
        EncryptedBlob encrypted = encryptToBlob(admission.voiceKey(), clipId, request.contributor(), original);
        BlobId blob = encrypted.blob();
        Clip clip = new Clip(
                clipId,
                request.project(),
                request.contributor(),
                request.promptIndex(),
                audio.info(),
                original.length,
                Sha256.of(original),
                quality,
                ClipState.PENDING_REVIEW,
                blob,
                Optional.of(encrypted.header()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        LedgerEntry entry;
        try {
            entry = metadata.inTransaction(repositories -> {
                // Consent may have been withdrawn, or the contributor erased, while the upload ran.
                admit(repositories, request);
                repositories.clips().insert(clip);
                repositories.contributors().recordActivity(clip.contributor(), clip.createdAt());
                var event = new ClipIngested(clip.id(), clip.contributor(), clip.project(), clip.sha256());
                LedgerEntry logged = repositories
                        .ledger()
                        .append(event, caller.actor(), "ingest", caller.requestId(), clip.createdAt());
                // So the clip's receipt can be rebuilt later from this entry, found without a search.
                repositories.clips().recordIngestEntry(clip.id(), logged.index());
                return logged;
            });
        } catch (RuntimeException e) {
            discard(blob, e);
            throw e instanceof CustodyException refused ? logRejection(caller, clipId, request, refused) : e;
        }
        Receipt receipt = ClipReceipts.unsigned(
                        clip, admission.prompt(), admission.terms().consentTermsVersion())
                .withLedger(proofs.include(entry));
        return new IngestResult(clip, receipts.sign(receipt));
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
    private CustodyException logRejection(Principal caller, ClipId clipId, IngestRequest request, CustodyException e) {
        try {
            metadata.inTransaction(repositories -> repositories
                    .ledger()
                    .append(
                            new ClipRejected(clipId, request.project(), e.code()),
                            caller.actor(),
                            "ingest",
                            caller.requestId(),
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

    private record EncryptedBlob(BlobId blob, Bytes header) {}

    private record Admission(PromptTerms terms, String prompt, WrappedKey voiceKey) {}
}
