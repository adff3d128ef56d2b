package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where keyring passphrases come from and how new ones are made and kept.
 *
 * <p>{@link #fromEnvironment} reads {@value #VARIABLE}, else the file named by {@value
 * #FILE_VARIABLE}. Its errors ({@code INVALID_INPUT}) name the variable and the file, never the
 * passphrase. Passphrase files are created with mode 0600 and their missing folders with 0700, from
 * the start rather than by a later chmod, so no other user can ever read them; they are never
 * overwritten ({@code CONFLICT}). Requires a POSIX file system.
 */
public final class Passphrases {
    public static final String VARIABLE = "CUSTODY_PASSPHRASE";
    public static final String FILE_VARIABLE = "CUSTODY_PASSPHRASE_FILE";

    /** A generated passphrase: 52 base32 characters (260 bits), in groups of 4 joined by '-'. */
    static final int GENERATED_CHARACTERS = 52;

    private static final int MAX_FILE_SIZE = 4096;
    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passphrases() {}

    /** The passphrase the environment names, or empty if it names none. */
    public static Optional<SecretBytes> fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        String direct = env.get(VARIABLE);
        if (direct != null) {
            return Optional.of(requireNotEmpty(direct.getBytes(StandardCharsets.UTF_8), VARIABLE));
        }
        String fileName = env.get(FILE_VARIABLE);
        if (fileName == null) {
            return Optional.empty();
        }
        return Optional.of(readFile(Path.of(fileName), fileName));
    }

    /** A fresh random passphrase of printable ASCII, for example {@code abcd-ef23-...}. */
    public static SecretBytes generate() {
        int groups = GENERATED_CHARACTERS / 4;
        byte[] passphrase = new byte[GENERATED_CHARACTERS + groups - 1];
        int at = 0;
        for (int i = 0; i < GENERATED_CHARACTERS; i++) {
            if (i > 0 && i % 4 == 0) {
                passphrase[at++] = '-';
            }
            passphrase[at++] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return SecretBytes.takeOwnership(passphrase);
    }

    /** Writes the passphrase and a newline to a new file, mode 0600; refuses an existing file. */
    public static void writeNew(Path file, SecretBytes passphrase) {
        requireNonNull(file, "file is null");
        requireNonNull(passphrase, "passphrase is null");
        byte[] secret = passphrase.toArray();
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            writeAndSync(file, secret);
        } catch (FileAlreadyExistsException e) {
            throw new CustodyException(ErrorCode.CONFLICT, "a passphrase file already exists at " + file, e);
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.INVALID_INPUT, "cannot write the passphrase file " + file, e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static void writeAndSync(Path file, byte[] secret) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            out.write(secret);
            out.write('\n');
        } catch (IOException e) {
            // Leave no half-written passphrase behind: the next attempt must not meet CONFLICT.
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static SecretBytes readFile(Path file, String fileName) {
        byte[] contents;
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw CustodyException.invalidInput(
                        "the passphrase file named by " + FILE_VARIABLE + " is too large: " + fileName);
            }
            contents = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CustodyException(
                    ErrorCode.INVALID_INPUT,
                    "cannot read the passphrase file named by " + FILE_VARIABLE + ": " + fileName,
                    e);
        }
        int length = contents.length;
        // One trailing newline is what editors and `echo` add; it is not part of the passphrase.
        if (length > 0 && contents[length - 1] == '\n') {
            length--;
            if (length > 0 && contents[length - 1] == '\r') {
                length--;
            }
        }
        byte[] passphrase = Arrays.copyOf(contents, length);
        Arrays.fill(contents, (byte) 0);
        return requireNotEmpty(passphrase, FILE_VARIABLE);
    }

    private static SecretBytes requireNotEmpty(byte[] passphrase, String variable) {
        if (passphrase.length == 0) {
            throw CustodyException.invalidInput("the passphrase given by " + variable + " is empty");
        }
        return SecretBytes.takeOwnership(passphrase);
    }
}
