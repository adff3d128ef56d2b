package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;

/**
 * One signature line of a C2SP signed note: {@code — <keyName> <base64(keyHash || signature)>}.
 *
 * @throws IllegalArgumentException if {@code keyHash} is not 4 bytes, the signature is empty, or
 *     the key name is empty or holds whitespace or '+'
 */
public record NoteSignature(String keyName, Bytes keyHash, Bytes signature) {
    public NoteSignature {
        requireNonNull(keyName, "keyName is null");
        requireNonNull(keyHash, "keyHash is null");
        requireNonNull(signature, "signature is null");
        if (!NoteKey.validName(keyName) || keyHash.length() != 4 || signature.length() == 0) {
            throw new IllegalArgumentException("malformed note signature");
        }
    }
}
