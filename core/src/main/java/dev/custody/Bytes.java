package dev.custody;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable byte string for values that records carry (hashes, ciphertexts, wrapped keys).
 * Records may not hold arrays, whose {@code equals} compares identity; this compares content, in
 * constant time. Not for key material: see {@link dev.custody.keys.SecretBytes}.
 */
public final class Bytes {
    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    public static Bytes copyOf(byte[] value) {
        return new Bytes(requireNonNull(value, "value is null").clone());
    }

    public static Bytes fromHex(String hex) {
        try {
            return new Bytes(HexFormat.of().parseHex(requireNonNull(hex, "hex is null")));
        } catch (IllegalArgumentException e) {
            throw CustodyException.invalidInput("not a hexadecimal string");
        }
    }

    public static Bytes fromBase64(String base64) {
        try {
            return new Bytes(Base64.getDecoder().decode(requireNonNull(base64, "base64 is null")));
        } catch (IllegalArgumentException e) {
            throw CustodyException.invalidInput("not a base64 string");
        }
    }

    public byte[] toArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && MessageDigest.isEqual(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Bytes[" + value.length + "]";
    }
}
