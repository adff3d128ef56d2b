package dev.custody.audio;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference {@code flac} encoder, so the decoder is checked against real files rather
 * than against our own idea of the format. Its absence fails the test instead of skipping it.
 */
final class FlacTool {
    private FlacTool() {}

    /** Encodes {@code wav} with {@code flac} and the given options, in {@code dir}. */
    static byte[] encode(byte[] wav, Path dir, String... options) {
        try {
            Path in = Files.createTempFile(dir, "in", ".wav");
            Path out = dir.resolve(in.getFileName() + ".flac");
            Files.write(in, wav);
            List<String> command = new ArrayList<>(List.of("flac", "--silent", "--force"));
            command.addAll(List.of(options));
            command.addAll(List.of("-o", out.toString(), in.toString()));
            Process process = start(command);
            byte[] messages = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return fail("flac " + String.join(" ", options) + " failed: "
                        + new String(messages, StandardCharsets.UTF_8));
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("the flac command-line encoder is not installed: run scripts/install-test-deps", e);
        }
    }

    /** The offset of the first frame: just past the metadata blocks. */
    static int firstFrameOffset(byte[] flac) {
        int position = 4;
        boolean last = false;
        while (!last) {
            last = (flac[position] & 0x80) != 0;
            int length = ((flac[position + 1] & 0xFF) << 16)
                    | ((flac[position + 2] & 0xFF) << 8)
                    | (flac[position + 3] & 0xFF);
            position += 4 + length;
        }
        return position;
    }
}
