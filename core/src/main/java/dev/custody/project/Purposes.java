package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a project's recordings may and may not be used for. At least one purpose is allowed; no
 * purpose is both allowed and forbidden. A purpose in neither set is not allowed either: only
 * {@link #allows} grants.
 */
public record Purposes(Set<Purpose> allowed, Set<Purpose> forbidden) {
    public Purposes {
        allowed = Set.copyOf(requireNonNull(allowed, "allowed is null"));
        forbidden = Set.copyOf(requireNonNull(forbidden, "forbidden is null"));
        if (allowed.isEmpty()) {
            throw CustodyException.invalidInput("a project allows at least one purpose");
        }
        if (allowed.stream().anyMatch(forbidden::contains)) {
            throw CustodyException.invalidInput("a purpose cannot be both allowed and forbidden");
        }
    }

    /** From vocabulary codes such as {@code "asr-training"}; fails INVALID_INPUT for an unknown one. */
    public static Purposes of(Collection<String> allowed, Collection<String> forbidden) {
        return new Purposes(codes(allowed), codes(forbidden));
    }

    public boolean allows(Purpose purpose) {
        return allowed.contains(purpose);
    }

    private static Set<Purpose> codes(Collection<String> codes) {
        requireNonNull(codes, "codes is null");
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        for (String code : codes) {
            if (code == null) {
                // From a request body: bad input, not a programming error.
                throw CustodyException.invalidInput("a purpose is null");
            }
            purposes.add(Purpose.of(code));
        }
        return purposes;
    }
}
