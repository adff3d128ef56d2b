package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/**
 * The proof that a clip's ingest was logged: the entry's index, its RFC 9162 leaf hash and its
 * inclusion proof (audit path, leaf to root) against the delivery's checkpoint. The entry itself is
 * left out: it names the clip and its contributor's pseudonym, which a delivery never does; an
 * auditor holding the ledger opens it by its index and compares it with the leaf hash.
 */
public record LeafProof(long index, Bytes leafHash, List<Bytes> path) {
    public LeafProof {
        requireNonNull(leafHash, "leafHash is null");
        path = List.copyOf(requireNonNull(path, "path is null"));
        if (index < 0 || leafHash.length() != 32 || path.stream().anyMatch(h -> h.length() != 32)) {
            throw new IllegalArgumentException("malformed leaf proof");
        }
    }
}
