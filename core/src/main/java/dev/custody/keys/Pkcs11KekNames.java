package dev.custody.keys;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
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
        List<Integer> versions = versions(labels, purpose);
        return versions.isEmpty() ? 0 : versions.getLast();
    }

    /** The versions of the purpose's KEK among the labels, ascending. */
    List<Integer> versions(List<String> labels, KeyPurpose purpose) {
        Pattern pattern = Pattern.compile(Pattern.quote(name(purpose)) + "-v([1-9][0-9]{0,8})");
        List<Integer> versions = new ArrayList<>();
        for (String label : labels) {
            Matcher matcher = pattern.matcher(label);
            if (matcher.matches()) {
                versions.add(Integer.parseInt(matcher.group(1)));
            }
        }
        Collections.sort(versions);
        return versions;
    }

    /** The purpose of a KEK for which {@link #isOurs} holds. */
    KeyPurpose purpose(KekId kek) {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            if (kek.uri().toString().equals(SCHEME + name(purpose))) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("not a key of this prefix");
    }

    private String name(KeyPurpose purpose) {
        return prefix + "-" + purpose.name().toLowerCase(Locale.ROOT);
    }
}
