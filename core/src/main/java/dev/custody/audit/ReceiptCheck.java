package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointVerifier;
import dev.custody.ledger.ClipIngested;
import dev.custody.ledger.ConsentGiven;
import dev.custody.ledger.InclusionProof;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.LedgerEvent;
import dev.custody.ledger.MerkleHashes;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.receipt.ReceiptVerifier;
import dev.custody.receipt.SignedConsentReceipt;
import dev.custody.receipt.SignedReceipt;

/**
 * Verifies a contributor's receipt (of a clip or of a consent) offline, with nothing but the receipt and the published keys:
 * the receipt's signature; that its ledger entry records exactly this clip's ingest (clip,
 * contributor, project and audio hash); that the entry is included in the tree of its checkpoint;
 * and that the checkpoint carries both of the log's signatures. Each failing step is named, since
 * the person verifying needs to know which promise was broken.
 */
public final class ReceiptCheck {
    private ReceiptCheck() {}

    /** Returns the verified entry; throws INTEGRITY_FAILURE naming the first check that failed. */
    public static LedgerEntry verify(SignedReceipt signed, PublishedKeys keys) {
        requireNonNull(signed, "signed is null");
        requireNonNull(keys, "keys is null");
        step("the receipt's signature", () -> ReceiptVerifier.verify(signed, keys.receipts()));
        var receipt = signed.receipt();
        LedgerInclusion inclusion = receipt.ledger().orElseThrow(() -> failed("the receipt has no ledger inclusion"));
        var ingested =
                new ClipIngested(receipt.clip(), receipt.contributor(), receipt.project(), receipt.audioSha256());
        return verifyInclusion(inclusion, ingested, keys, "this clip's ingest");
    }

    /**
     * Verifies a consent receipt the same way: its signature, that its entry records exactly this
     * consent (contributor, project, consent id, terms version and hash), the inclusion proof and the
     * checkpoint. Returns the verified entry.
     */
    public static LedgerEntry verify(SignedConsentReceipt signed, PublishedKeys keys) {
        requireNonNull(signed, "signed is null");
        requireNonNull(keys, "keys is null");
        step("the receipt's signature", () -> ReceiptVerifier.verify(signed, keys.receipts()));
        var receipt = signed.receipt();
        var given = new ConsentGiven(
                receipt.contributor(),
                receipt.project(),
                receipt.consent(),
                receipt.termsVersion(),
                receipt.termsSha256());
        return verifyInclusion(receipt.ledger(), given, keys, "this consent");
    }

    private static LedgerEntry verifyInclusion(
            LedgerInclusion inclusion, LedgerEvent expected, PublishedKeys keys, String what) {
        Checkpoint checkpoint = step("the checkpoint", () -> {
            Checkpoint parsed = Checkpoint.parse(inclusion.checkpoint());
            CheckpointVerifier.of(keys.ledger()).verify(parsed);
            return parsed;
        });
        LedgerEntry entry = step("the ledger entry", () -> LedgerEntryCodec.decode(inclusion.entry()));
        if (entry.index() != inclusion.leafIndex() || !entry.records(expected)) {
            throw failed("the ledger entry does not record " + what);
        }
        if (inclusion.treeSize() != checkpoint.size()) {
            throw failed("the inclusion proof is not for the checkpoint's tree");
        }
        step(
                "the inclusion proof",
                () -> new InclusionProof(inclusion.leafIndex(), inclusion.treeSize(), inclusion.proof())
                        .verify(MerkleHashes.leafHash(inclusion.entry()), checkpoint.rootHash()));
        return entry;
    }

    private static void step(String what, Runnable check) {
        step(what, () -> {
            check.run();
            return null;
        });
    }

    private static <T> T step(String what, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (CustodyException | IllegalArgumentException e) {
            throw new CustodyException(
                    ErrorCode.INTEGRITY_FAILURE, "receipt check failed: " + what + " does not verify", e);
        }
    }

    private static CustodyException failed(String why) {
        return new CustodyException(ErrorCode.INTEGRITY_FAILURE, "receipt check failed: " + why);
    }
}
