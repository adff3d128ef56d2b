package dev.custody.bench;

import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.ClipCipher;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.SecretBytes;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Clip encryption as ingest does it (Tink AES-256-GCM-HKDF streaming under a contributor's key,
 * with the clip's associated data) against the JDK's raw AES-GCM over the same buffers cut into the
 * same segments: one {@code doFinal} per segment, no key derivation, no framing. The ratio is what
 * the streaming format costs; the segment sizes show which is fastest on this machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClipEncryptionBenchmark {
    /** Ciphertext segment size in bytes. */
    @Param({"65536", "262144", "1048576"})
    public int segmentSize;

    /** Clip size in bytes: 5 s of 16 kHz 16-bit mono, and 10 s of 48 kHz 24-bit mono. */
    @Param({"160044", "1440044"})
    public int clipBytes;

    private Path folder;
    private LocalKeyring keyring;
    private ClipCipher clipCipher;
    private final ClipId clip = ClipId.random();
    private final Pseudonym contributor = Pseudonym.random();
    private byte[] plaintext;
    private ReusableSink sink;
    private Cipher raw;
    private SecretKeySpec rawKey;
    private byte[] rawOut;
    private long nonce;

    @Setup(Level.Trial)
    public void setUp() throws IOException, GeneralSecurityException {
        folder = Files.createTempDirectory("custody-jmh");
        try (var passphrase = SecretBytes.copyOf("benchmark passphrase".getBytes())) {
            keyring = LocalKeyring.create(folder.resolve("keyring"), passphrase, TestArgon2.parameters());
        }
        var keys = ContributorKeys.withSegmentSize(keyring, segmentSize);
        clipCipher = keys.clipCipher(keys.newVoiceKey(contributor), contributor);
        plaintext = new byte[clipBytes];
        new Random(42).nextBytes(plaintext);
        sink = new ReusableSink(clipBytes + clipBytes / 8 + 4096);
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        rawKey = new SecretKeySpec(key, "AES");
        raw = Cipher.getInstance("AES/GCM/NoPadding");
        rawOut = new byte[segmentSize + 16];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        keyring.close();
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public int tinkStreaming() throws IOException {
        sink.reset();
        try (OutputStream out = clipCipher.encrypt(sink, clip, contributor)) {
            out.write(plaintext);
        }
        return sink.size();
    }

    @Benchmark
    public int jdkAesGcm() throws GeneralSecurityException {
        int written = 0;
        byte[] iv = new byte[12];
        for (int offset = 0; offset < plaintext.length; offset += segmentSize) {
            ByteBuffer.wrap(iv).putLong(4, nonce++);
            raw.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, iv));
            written += raw.doFinal(plaintext, offset, Math.min(segmentSize, plaintext.length - offset), rawOut, 0);
        }
        return written;
    }

    /** A ByteArrayOutputStream whose buffer is allocated once. */
    private static final class ReusableSink extends ByteArrayOutputStream {
        ReusableSink(int capacity) {
            super(capacity);
        }
    }
}
