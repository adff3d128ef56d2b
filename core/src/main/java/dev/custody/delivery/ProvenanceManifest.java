package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.Sha256;
import dev.custody.ledger.CheckpointSigners;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code provenance.json}: for every sample, the SHA-256 of its delivered bytes, its consent terms
 * and the RFC 9162 inclusion proof of its ingest entry against the included signed checkpoint; the
 * SHA-256 of every shard and of {@code croissant.json}; signed with the ledger's two keys.
 *
 * <p><b>The signed bytes.</b> Both signatures cover one canonical text, rebuilt by the verifier from
 * the JSON's values (so the JSON's spacing and key order do not matter, its values all do): UTF-8,
 * every line ending in one {@code 0x0A}, fields separated by one {@code 0x20}, hashes as 64 lower-case
 * hex digits, numbers in decimal without leading zeros:
 *
 * <pre>
 * custody-provenance/2
 * checkpoint BASE64(the checkpoint's signed-note text, UTF-8; standard alphabet, padded)
 * croissant-sha256 HEX
 * posture-audit none                       (today always; later BASE64 of the signed posture-audit summary)
 * shard NAME BYTES HEX                     (one line per shard, in order)
 * sample SHARD KEY WAV_HEX WAV_BYTES JSON_HEX TERMS_VERSION TERMS_HEX CONSENT LEDGER_INDEX LEAF_HASH_HEX PROOF
 *                                          (one line per sample, in tar order; CONSENT is {@code staff} for a
 *                                           consent staff recorded from a paper form, else {@code self};
 *                                           PROOF is the audit path's hashes in hex, leaf to root,
 *                                           joined by ':', or '-' if empty)
 * </pre>
 *
 * <p><b>The signatures.</b> Ed25519 (RFC 8032, 64 bytes) and ML-DSA-65 (FIPS 204, 3309 bytes) over
 * those bytes, with the ledger's checkpoint keys (those of {@code custody ledger keys}); a verifier
 * requires both, as for checkpoints. The first line keeps them from being taken for a checkpoint's.
 *
 * <p><b>The JSON.</b> {@code {"format": "custody-provenance/1", "checkpoint": TEXT, "croissantSha256":
 * HEX, "postureAudit": null, "shards": [{"name", "bytes", "sha256"}], "samples": [{"shard", "key",
 * "wavSha256", "wavBytes", "jsonSha256", "consentTermsVersion", "consentTermsSha256", "consentRecordedByStaff" (a boolean), "ledgerIndex",
 * "leafHash", "inclusionProof": [HEX...]}], "signatures": [{"algorithm": "Ed25519", "signature":
 * BASE64}, {"algorithm": "ML-DSA-65", "signature": BASE64}]}} (see {@link ProvenanceJson}).
 *
 * <p>The posture-audit slot is empty until the posture audit exists: {@code postureAudit} is null
 * and the signed line says {@code none}.
 */
public record ProvenanceManifest(
        String checkpoint,
        Bytes croissantSha256,
        Optional<String> postureAudit,
        List<Shard> shards,
        List<ProvenanceEntry> samples) {
    static final String FILE = "provenance.json";
    static final String FORMAT = "custody-provenance/2";
    static final String ED25519 = "Ed25519";
    static final String ML_DSA_65 = "ML-DSA-65";

    public ProvenanceManifest {
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(croissantSha256, "croissantSha256 is null");
        requireNonNull(postureAudit, "postureAudit is null");
        shards = List.copyOf(requireNonNull(shards, "shards is null"));
        samples = List.copyOf(requireNonNull(samples, "samples is null"));
    }

    /** The manifest of finished shards, their samples' ingest entries proven against one checkpoint. */
    static ProvenanceManifest build(List<Shard> shards, byte[] croissant, DeliveryProofs proofs) {
        List<Long> indexes = shards.stream()
                .flatMap(s -> s.samples().stream())
                .map(DeliveredSample::ingestLedgerIndex)
                .toList();
        DeliveryProofs.Proven proven = proofs.prove(indexes);
        List<ProvenanceEntry> entries = new ArrayList<>(indexes.size());
        int next = 0;
        for (Shard shard : shards) {
            for (DeliveredSample s : shard.samples()) {
                LeafProof proof = proven.proofs().get(next++);
                if (proof.index() != s.ingestLedgerIndex()) {
                    throw CustodyException.integrityFailure();
                }
                entries.add(new ProvenanceEntry(
                        shard.name(),
                        s.key(),
                        s.wavSha256(),
                        s.wavBytes(),
                        s.jsonSha256(),
                        s.consentTermsVersion(),
                        s.consentTermsSha256(),
                        s.consentRecordedByStaff(),
                        proof));
            }
        }
        return new ProvenanceManifest(proven.checkpoint(), Sha256.of(croissant), Optional.empty(), shards, entries);
    }

    /** The canonical bytes both signatures cover. */
    public byte[] signedBytes() {
        StringBuilder text = new StringBuilder(256 + samples.size() * 600);
        text.append(FORMAT).append('\n');
        line(text, "checkpoint", base64(checkpoint));
        line(text, "croissant-sha256", croissantSha256.hex());
        line(text, "posture-audit", postureAudit.map(ProvenanceManifest::base64).orElse("none"));
        for (Shard shard : shards) {
            line(
                    text,
                    "shard",
                    shard.name() + " " + shard.bytes() + " " + shard.sha256().hex());
        }
        for (ProvenanceEntry s : samples) {
            String proof = s.ingest().path().isEmpty()
                    ? "-"
                    : s.ingest().path().stream().map(Bytes::hex).collect(Collectors.joining(":"));
            line(
                    text,
                    "sample",
                    String.join(
                            " ",
                            s.shard(),
                            s.key(),
                            s.wavSha256().hex(),
                            Long.toString(s.wavBytes()),
                            s.jsonSha256().hex(),
                            Integer.toString(s.consentTermsVersion()),
                            s.consentTermsSha256().hex(),
                            s.consentRecordedByStaff() ? "staff" : "self",
                            Long.toString(s.ingest().index()),
                            s.ingest().leafHash().hex(),
                            proof));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The signed JSON document. */
    byte[] sign(CheckpointSigners signers) {
        byte[] body = signedBytes();
        return ProvenanceJson.write(
                this,
                Bytes.copyOf(signers.ed25519().sign(body)),
                Bytes.copyOf(signers.mlDsa65().sign(body)));
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(' ').append(value).append('\n');
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
