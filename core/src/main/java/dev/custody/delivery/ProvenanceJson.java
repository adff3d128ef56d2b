package dev.custody.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The JSON form of a signed {@link ProvenanceManifest}; reading it is strict about every value it signs. */
final class ProvenanceJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** A manifest read back, with the two signatures it carried. */
    record Signed(ProvenanceManifest manifest, Bytes ed25519, Bytes mlDsa65) {}

    private ProvenanceJson() {}

    static byte[] write(ProvenanceManifest manifest, Bytes ed25519, Bytes mlDsa65) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ProvenanceManifest.FORMAT);
        root.put("checkpoint", manifest.checkpoint());
        root.put("croissantSha256", manifest.croissantSha256().hex());
        root.putNull("postureAudit");
        ArrayNode shards = root.putArray("shards");
        manifest.shards()
                .forEach(s -> shards.addObject()
                        .put("name", s.name())
                        .put("bytes", s.bytes())
                        .put("sha256", s.sha256().hex()));
        ArrayNode samples = root.putArray("samples");
        for (ProvenanceEntry s : manifest.samples()) {
            ObjectNode node = samples.addObject()
                    .put("shard", s.shard())
                    .put("key", s.key())
                    .put("wavSha256", s.wavSha256().hex())
                    .put("wavBytes", s.wavBytes())
                    .put("jsonSha256", s.jsonSha256().hex())
                    .put("consentTermsVersion", s.consentTermsVersion())
                    .put("consentTermsSha256", s.consentTermsSha256().hex())
                    .put("consentRecordedByStaff", s.consentRecordedByStaff())
                    .put("ledgerIndex", s.ingest().index())
                    .put("leafHash", s.ingest().leafHash().hex());
            ArrayNode proof = node.putArray("inclusionProof");
            s.ingest().path().forEach(hash -> proof.add(hash.hex()));
        }
        ArrayNode signatures = root.putArray("signatures");
        signatures.addObject().put("algorithm", ProvenanceManifest.ED25519).put("signature", ed25519.base64());
        signatures.addObject().put("algorithm", ProvenanceManifest.ML_DSA_65).put("signature", mlDsa65.base64());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    /** Reads a manifest; INVALID_INPUT naming the first value out of shape. */
    static Signed read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw CustodyException.invalidInput("provenance.json is not JSON");
        }
        if (root == null || !ProvenanceManifest.FORMAT.equals(text(root, "format"))) {
            throw CustodyException.invalidInput("provenance.json is not of format " + ProvenanceManifest.FORMAT);
        }
        if (!root.path("postureAudit").isNull()) {
            throw CustodyException.invalidInput("provenance.json: postureAudit is not understood by this version");
        }
        List<Shard> shards = new ArrayList<>();
        for (JsonNode s : array(root, "shards")) {
            shards.add(shape(
                    "a shard", () -> new Shard(text(s, "name"), number(s, "bytes"), hash(s, "sha256"), List.of())));
        }
        List<ProvenanceEntry> samples = new ArrayList<>();
        for (JsonNode s : array(root, "samples")) {
            samples.add(shape("a sample", () -> entry(s)));
        }
        var manifest = shape(
                "the manifest",
                () -> new ProvenanceManifest(
                        text(root, "checkpoint"), hash(root, "croissantSha256"), Optional.empty(), shards, samples));
        Bytes ed25519 = null;
        Bytes mlDsa65 = null;
        for (JsonNode s : array(root, "signatures")) {
            Bytes signature = shape("a signature", () -> Bytes.fromBase64(text(s, "signature")));
            switch (text(s, "algorithm")) {
                case ProvenanceManifest.ED25519 -> ed25519 = signature;
                case ProvenanceManifest.ML_DSA_65 -> mlDsa65 = signature;
                default -> {
                    // Another party's signature: not what this check relies on.
                }
            }
        }
        if (ed25519 == null || mlDsa65 == null) {
            throw CustodyException.invalidInput("provenance.json lacks its Ed25519 or ML-DSA-65 signature");
        }
        return new Signed(manifest, ed25519, mlDsa65);
    }

    private static ProvenanceEntry entry(JsonNode s) {
        List<Bytes> path = new ArrayList<>();
        for (JsonNode hash : s.path("inclusionProof")) {
            path.add(hexValue(hash.asText()));
        }
        return new ProvenanceEntry(
                text(s, "shard"),
                text(s, "key"),
                hash(s, "wavSha256"),
                number(s, "wavBytes"),
                hash(s, "jsonSha256"),
                Math.toIntExact(number(s, "consentTermsVersion")),
                hash(s, "consentTermsSha256"),
                bool(s, "consentRecordedByStaff"),
                new LeafProof(number(s, "ledgerIndex"), hash(s, "leafHash"), path));
    }

    private static <T> T shape(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw CustodyException.invalidInput("provenance.json: " + what + " is malformed");
        }
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw CustodyException.invalidInput("provenance.json: " + field + " is not a list");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw CustodyException.invalidInput("provenance.json: " + field + " is not a string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw CustodyException.invalidInput("provenance.json: " + field + " is not a whole number");
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw CustodyException.invalidInput("provenance.json: " + field + " is not true or false");
        }
        return value.booleanValue();
    }

    private static Bytes hash(JsonNode node, String field) {
        return hexValue(text(node, field));
    }

    private static Bytes hexValue(String value) {
        if (!HEX.matcher(value).matches()) {
            throw CustodyException.invalidInput("provenance.json: a hash is not 64 lower-case hex digits");
        }
        return Bytes.fromHex(value);
    }
}
