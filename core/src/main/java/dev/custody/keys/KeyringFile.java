package dev.custody.keys;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/** Reads, writes, seals and opens keyring files (format in {@link LocalKeyring}'s javadoc). */
final class KeyringFile {
    /** Far above any real keyring (a few KiB), far below what could hurt us to read. */
    private static final long MAX_FILE_SIZE = 1024 * 1024;

    private static final int TAG_BITS = 128;

    private KeyringFile() {}

    static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw CustodyException.integrityFailure();
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CustodyException(ErrorCode.KEYRING_MISSING, "no keyring at " + file.getFileName(), e);
        } catch (IOException e) {
            throw new CustodyException(
                    ErrorCode.KEY_PROVIDER_UNAVAILABLE, "cannot read the keyring " + file.getFileName(), e);
        }
    }

    /** The header followed by the body's AES-256-GCM ciphertext and tag, the header as associated data. */
    static byte[] seal(KeyringHeader header, byte[] body, SecretBytes passphrase) {
        byte[] headerBytes = header.encode();
        try (SecretBytes key = deriveKey(header, passphrase)) {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, header);
            cipher.updateAAD(headerBytes);
            ByteBuffer out = ByteBuffer.allocate(headerBytes.length + cipher.getOutputSize(body.length));
            out.put(headerBytes).put(cipher.doFinal(body));
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The body of a sealed keyring; the caller must wipe it. A failed tag is WRONG_PASSPHRASE. */
    static byte[] open(byte[] file, SecretBytes passphrase) {
        KeyringHeader header = KeyringHeader.parse(file);
        try (SecretBytes key = deriveKey(header, passphrase)) {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, header);
            cipher.updateAAD(file, 0, KeyringHeader.LENGTH);
            return cipher.doFinal(file, KeyringHeader.LENGTH, file.length - KeyringHeader.LENGTH);
        } catch (AEADBadTagException e) {
            // A damaged body and a wrong passphrase look the same to GCM; the passphrase is the likelier.
            throw new CustodyException(ErrorCode.WRONG_PASSPHRASE, "the passphrase does not open this keyring", e);
        } catch (GeneralSecurityException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    /**
     * Writes a new file atomically with mode 0600 from the start: a temporary file in the same
     * folder, fsync, a hard link to the final name, fsync of the folder. A link, not a rename,
     * because a link refuses atomically to replace a file that appeared meanwhile.
     */
    static void writeNew(Path file, byte[] contents) {
        Path folder = file.toAbsolutePath().getParent();
        if (Files.exists(file)) {
            throw new CustodyException(ErrorCode.CONFLICT, "a keyring already exists at " + file.getFileName());
        }
        Path temp = null;
        try {
            temp = writeTemporary(folder, contents);
            Files.createLink(file, temp);
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new CustodyException(ErrorCode.CONFLICT, "a keyring already exists at " + file.getFileName(), e);
        } catch (IOException e) {
            throw new CustodyException(
                    ErrorCode.KEY_PROVIDER_UNAVAILABLE, "cannot write the keyring " + file.getFileName(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Replaces an existing keyring file atomically: a temporary file (mode 0600) in the same folder,
     * fsync, a rename over the old file, fsync of the folder. A reader sees the old file or the new
     * one, never a mixture; after a crash the old one may remain, which is still a valid keyring.
     */
    static void replace(Path file, byte[] contents) {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = writeTemporary(folder, contents);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new CustodyException(
                    ErrorCode.KEY_PROVIDER_UNAVAILABLE, "cannot write the keyring " + file.getFileName(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A new file of mode 0600 from the start, in the folder, holding the contents, synced. */
    private static Path writeTemporary(Path folder, byte[] contents) throws IOException {
        Path temp = Files.createTempFile(
                folder,
                ".keyring-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(contents);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The temporary file holds only ciphertext; leaving it behind leaks nothing.
            }
        }
    }

    private static Cipher cipher(int mode, SecretBytes key, KeyringHeader header) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] keyBytes = key.toArray();
        try {
            cipher.init(
                    mode,
                    new SecretKeySpec(keyBytes, "AES"),
                    new GCMParameterSpec(TAG_BITS, header.nonce().toArray()));
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
        return cipher;
    }

    /** Argon2id, version 0x13, over the passphrase's bytes, with the header's salt and costs. */
    static SecretBytes deriveKey(KeyringHeader header, SecretBytes passphrase) {
        var parameters = new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(header.salt().toArray())
                .withMemoryAsKB(header.argon2().memoryKiB())
                .withIterations(header.argon2().iterations())
                .withParallelism(header.argon2().parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[32];
        byte[] password = passphrase.toArray();
        try {
            generator.generateBytes(password, key);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        return SecretBytes.takeOwnership(key);
    }
}
