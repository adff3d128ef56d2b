package dev.custody.keys;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How KEKs of one label prefix {@code p} are named: KekId {@code pkcs11://p-voice;v=N} is the token
 * object labelled {@code p-voice-vN}, and likewise for every {@link KeyPurpose}.
 */
final class Pkcs11KekNames {
    private static final String SCHEME = "pkcs11://";

    private final String prefix;

    Pkcs11KekNames(String prefix) {
        this.prefix = prefix;
    }

    KekId kek(KeyPurpose purpose, int version) {
        return new KekId(URI.create(SCHEME + name(purpose)), version);
    }

    /** Whether the KekId names a KEK of this prefix, whatever its version. */
    boolean isOurs(KekId kek) {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            if (kek.uri().toString().equals(SCHEME + name(purpose))) {
                return true;
            }
        }
        return false;
    }

    /** The token label of a KEK for which {@link #isOurs} holds. */
    String label(KekId kek) {
        return kek.uri().toString().substring(SCHEME.length()) + "-v" + kek.version();
    }

    /** The highest version of the purpose's KEK among the labels, or 0 if there is none. */
    int latestVersion(List<String> labels, KeyPurpose purpose) {
        Pattern pattern = Pattern.compile(Pattern.quote(name(purpose)) + "-v([1-9][0-9]{0,8})");
        int latest = 0;
        for (String label : labels) {
            Matcher matcher = pattern.matcher(label);
            if (matcher.matches()) {
                latest = Math.max(latest, Integer.parseInt(matcher.group(1)));
            }
        }
        return latest;
    }

    private String name(KeyPurpose purpose) {
        return prefix + "-" + purpose.name().toLowerCase(Locale.ROOT);
    }
}
