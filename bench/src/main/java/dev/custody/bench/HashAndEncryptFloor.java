package dev.custody.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The CPU time that every ingest spends on a clip whatever else it does: a SHA-256 of the original
 * bytes and their AES-256-GCM encryption, in the clip cipher's 64 KiB segments, with the JDK's
 * intrinsics and nothing else (no parsing, no quality gate, no database, no signature, no write).
 * Measured on one thread, after the ingest rounds have warmed the JIT, so that a run shows how much
 * of ingest's CPU per clip the work on every byte accounts for.
 */
final class HashAndEncryptFloor {
    private static final int SEGMENT = 64 * 1024;
    private static final int PASSES = 3;

    private HashAndEncryptFloor() {}

    /** CPU milliseconds per clip of the set, the fastest of a few passes. */
    static double cpuMillisPerClip(ClipSet set) throws GeneralSecurityException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SecretKey key = newKey();
        byte[] nonce = new byte[12];
        long segments = 0;
        byte[] out = new byte[SEGMENT + 16];
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < PASSES; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < set.size(); i++) {
                byte[] clip = set.clip(i);
                sink += MessageDigest.getInstance("SHA-256").digest(clip)[0];
                for (int offset = 0; offset < clip.length; offset += SEGMENT) {
                    ByteBuffer.wrap(nonce).putLong(4, ++segments);
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                    sink += cipher.doFinal(clip, offset, Math.min(SEGMENT, clip.length - offset), out, 0);
                }
            }
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e6 / set.size());
        }
        // Keeps the JIT from discarding the work as unused.
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException();
        }
        return best;
    }

    private static SecretKey newKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, new SecureRandom());
        return generator.generateKey();
    }
}
