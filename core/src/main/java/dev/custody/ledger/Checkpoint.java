package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A signed statement of the ledger's size and root hash: a C2SP tlog-checkpoint in a C2SP signed
 * note. The note's text, byte by byte (UTF-8, every line ending in one 0x0A):
 *
 * <pre>
 * &lt;origin&gt;\n                       the log's name, also the signatures' key name
 * &lt;size&gt;\n                         decimal, no sign, no leading zeros
 * &lt;base64 root hash&gt;\n             standard base64 with padding of the 32-byte root
 * \n                               a blank line ends the signed body
 * — &lt;key name&gt; &lt;base64(key hash || signature)&gt;\n   one line per signature (U+2014, space)
 * </pre>
 *
 * The signatures cover the body: the three lines including their newlines. Custody writes two,
 * Ed25519 and ML-DSA-65 (see {@link CheckpointSigners}); other lines (a witness's cosignature) are
 * kept and ignored by {@link CheckpointVerifier}. Parsing is strict: any deviation from this
 * layout, a non-canonical number or base64, or extension lines fail with INTEGRITY_FAILURE.
 */
public record Checkpoint(String origin, long size, Bytes rootHash, List<NoteSignature> signatures) {
    private static final String DASH = "\u2014 ";
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final int MAX_SIGNATURES = 16;
    private static final int MAX_TEXT = 64 * 1024;

    public Checkpoint {
        requireNonNull(origin, "origin is null");
        requireNonNull(rootHash, "rootHash is null");
        signatures = List.copyOf(requireNonNull(signatures, "signatures is null"));
        if (!NoteKey.validName(origin) || size < 0 || rootHash.length() != MerkleHashes.HASH_LENGTH) {
            throw new IllegalArgumentException("malformed checkpoint");
        }
    }

    /** Signs the checkpoint for a tree of {@code size} leaves with root {@code rootHash}. */
    public static Checkpoint sign(long size, Bytes rootHash, CheckpointSigners signers) {
        requireNonNull(signers, "signers is null");
        Checkpoint unsigned = new Checkpoint(signers.origin(), size, rootHash, List.of());
        byte[] body = unsigned.body().getBytes(StandardCharsets.UTF_8);
        String name = signers.origin();
        return new Checkpoint(
                name,
                size,
                rootHash,
                List.of(
                        new NoteSignature(
                                name,
                                NoteKey.ED25519.keyHash(name, signers.ed25519().publicKey()),
                                Bytes.copyOf(signers.ed25519().sign(body))),
                        new NoteSignature(
                                name,
                                NoteKey.ML_DSA_65.keyHash(
                                        name, signers.mlDsa65().publicKey()),
                                Bytes.copyOf(signers.mlDsa65().sign(body)))));
    }

    /** The signed body: origin, size and root hash lines. */
    public String body() {
        return origin + "\n" + size + "\n" + rootHash.base64() + "\n";
    }

    /** The whole signed note. */
    public String text() {
        StringBuilder text = new StringBuilder(body()).append('\n');
        for (NoteSignature signature : signatures) {
            byte[] keyHash = signature.keyHash().toArray();
            byte[] sig = signature.signature().toArray();
            byte[] joined = new byte[keyHash.length + sig.length];
            System.arraycopy(keyHash, 0, joined, 0, keyHash.length);
            System.arraycopy(sig, 0, joined, keyHash.length, sig.length);
            text.append(DASH).append(signature.keyName()).append(' ');
            text.append(Base64.getEncoder().encodeToString(joined)).append('\n');
        }
        return text.toString();
    }

    /**
     * Parses a signed note in exactly the layout above. Does not verify the signatures.
     *
     * @throws CustodyException INTEGRITY_FAILURE if {@code text} deviates from it
     */
    public static Checkpoint parse(String text) {
        requireNonNull(text, "text is null");
        try {
            return parseStrict(text);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    private static Checkpoint parseStrict(String text) {
        int split = text.indexOf("\n\n");
        if (text.length() > MAX_TEXT || split < 0 || !text.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note");
        }
        String[] body = text.substring(0, split + 1).split("\n", -1);
        if (body.length != 4 || !body[3].isEmpty() || !SIZE.matcher(body[1]).matches()) {
            throw new IllegalArgumentException("not a checkpoint body");
        }
        Bytes root = canonicalBase64(body[2]);
        List<NoteSignature> signatures = new ArrayList<>();
        String lines = text.substring(split + 2);
        for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
            signatures.add(parseSignature(line));
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("too many signatures");
        }
        return new Checkpoint(body[0], Long.parseLong(body[1]), root, signatures);
    }

    private static NoteSignature parseSignature(String line) {
        if (!line.startsWith(DASH)) {
            throw new IllegalArgumentException("not a signature line");
        }
        String[] parts = line.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a signature line");
        }
        byte[] joined = canonicalBase64(parts[1]).toArray();
        if (joined.length < 5) {
            throw new IllegalArgumentException("signature too short");
        }
        return new NoteSignature(
                parts[0],
                Bytes.copyOf(Arrays.copyOf(joined, 4)),
                Bytes.copyOf(Arrays.copyOfRange(joined, 4, joined.length)));
    }

    private static Bytes canonicalBase64(String value) {
        byte[] decoded = Base64.getDecoder().decode(value);
        // The decoder tolerates some non-canonical forms; one text per value keeps notes comparable.
        if (!Base64.getEncoder().encodeToString(decoded).equals(value)) {
            throw new IllegalArgumentException("non-canonical base64");
        }
        return Bytes.copyOf(decoded);
    }
}
