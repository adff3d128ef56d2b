package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Names one version of a key-encryption key: a URI naming the key in its provider ({@code
 * local://voice}, {@code pkcs11://custody-voice}) and a version counting from 1. Every wrapped key
 * records the KekId that wrapped it. String form: {@code URI;v=VERSION}.
 */
public record KekId(URI uri, int version) {
    private static final Pattern FORM = Pattern.compile("([a-z0-9+.-]+://[A-Za-z0-9._/-]+);v=([1-9][0-9]{0,8})");

    public KekId {
        requireNonNull(uri, "uri is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }

    public static KekId parse(String text) {
        var matcher = FORM.matcher(requireNonNull(text, "text is null"));
        if (!matcher.matches()) {
            throw CustodyException.invalidInput("malformed key id");
        }
        return new KekId(URI.create(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    @Override
    public String toString() {
        return uri + ";v=" + version;
    }
}
