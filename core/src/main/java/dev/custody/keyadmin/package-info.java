/**
 * Administration of the key-encryption keys: rotation, rewrapping, status and destruction. Kept
 * apart from {@code dev.custody.keys}, which holds the cryptography and knows nothing of the
 * database, the ledger or who is asking.
 */
package dev.custody.keyadmin;
