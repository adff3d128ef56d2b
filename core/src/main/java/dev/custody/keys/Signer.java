package dev.custody.keys;

import java.security.PublicKey;

/**
 * Signs statements that outlive the process: receipts now, ledger checkpoints later. The private
 * key stays with the key provider.
 */
public interface Signer {
    /** The signature algorithm's JCA name, for example {@code Ed25519}. */
    String algorithm();

    /** Identifies the key among the log's and receipts' keys (a hash of the public key). */
    String keyId();

    PublicKey publicKey();

    byte[] sign(byte[] message);
}
