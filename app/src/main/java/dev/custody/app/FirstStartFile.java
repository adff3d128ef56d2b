package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Identifiers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Where a first start's secrets go when nobody is watching the terminal: a new file of mode 0600 in
 * the configuration folder, beside the generated passphrase, so that standard output redirected to
 * a log file never holds the first operator's password, its TOTP secret or the bootstrap token.
 */
public final class FirstStartFile {
    private FirstStartFile() {}

    /** Writes the lines to a new file (mode 0600 from the start) and returns its path. */
    public static Path write(Map<String, String> env, List<String> lines) {
        requireNonNull(env, "env is null");
        requireNonNull(lines, "lines is null");
        Path folder = PassphraseLocation.configHome(env);
        Path file = folder.resolve(Identifiers.random("first-start") + ".txt");
        try {
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new CustodyException(
                    ErrorCode.STORAGE_UNAVAILABLE, "cannot write the first start's secrets to " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The original failure is the one to report.
        }
    }
}
