package dev.custody.keys;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The KEK versions of a {@link LocalKeyring}, immutable: rotating or destroying makes a new table,
 * which the keyring swaps in only once the file holding it is written. Entries of the new table that
 * did not change are the same objects (sharing their keys) as in the old one.
 */
final class KekTable {
    /** The body stores the count of entries in one byte. */
    static final int MAX_ENTRIES = 255;

    private final List<KekEntry> entries;
    private final Map<KekId, KekEntry> byId;
    private final Map<KeyPurpose, KekId> active;

    private KekTable(List<KekEntry> entries) {
        Map<KekId, KekEntry> byId = new HashMap<>();
        Map<KeyPurpose, KekId> active = new EnumMap<>(KeyPurpose.class);
        for (KekEntry kek : entries) {
            KekId id = id(kek);
            if (byId.put(id, kek) != null
                    || (kek.state() == KekEntry.State.ACTIVE && active.put(kek.purpose(), id) != null)) {
                throw CustodyException.integrityFailure();
            }
        }
        if (active.size() != KeyPurpose.values().length || entries.size() > MAX_ENTRIES) {
            throw CustodyException.integrityFailure();
        }
        this.entries = List.copyOf(entries);
        this.byId = Map.copyOf(byId);
        this.active = Map.copyOf(active);
    }

    /** Fails {@code INTEGRITY_FAILURE} unless every purpose has exactly one active version and no id repeats. */
    static KekTable of(List<KekEntry> entries) {
        return new KekTable(entries);
    }

    static URI uri(KeyPurpose purpose) {
        return URI.create("local://" + purpose.name().toLowerCase(Locale.ROOT));
    }

    List<KekEntry> entries() {
        return entries;
    }

    KekId active(KeyPurpose purpose) {
        return active.get(purpose);
    }

    /** The entry of a version that is not destroyed. */
    Optional<KekEntry> live(KekId kek) {
        return Optional.ofNullable(byId.get(kek)).filter(KekEntry::live);
    }

    List<KekId> versions(KeyPurpose purpose) {
        return entries.stream()
                .filter(kek -> kek.purpose() == purpose && kek.live())
                .map(KekTable::id)
                .sorted(Comparator.comparingInt(KekId::version))
                .toList();
    }

    /** This table with a new active version of the purpose, numbered above every version it ever held. */
    KekTable rotated(KeyPurpose purpose, SecretBytes key, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            throw new CustodyException(ErrorCode.CONFLICT, "the keyring holds as many key versions as it can");
        }
        int next = entries.stream()
                        .filter(kek -> kek.purpose() == purpose)
                        .mapToInt(KekEntry::version)
                        .max()
                        .orElse(0)
                + 1;
        List<KekEntry> changed = new ArrayList<>();
        for (KekEntry kek : entries) {
            changed.add(kek.state() == KekEntry.State.ACTIVE && kek.purpose() == purpose ? kek.retired() : kek);
        }
        changed.add(new KekEntry(purpose, next, key, now, KekEntry.State.ACTIVE));
        return new KekTable(changed);
    }

    /** This table with the version replaced by its tombstone; see {@link KeyProvider#destroy} for the errors. */
    KekTable destroyed(KekId kek) {
        KekEntry entry = byId.get(kek);
        if (entry == null) {
            throw CustodyException.notFound("no key-encryption key " + kek + " in this keyring");
        }
        if (!entry.live()) {
            throw new CustodyException(ErrorCode.CONFLICT, "key-encryption key " + kek + " was already destroyed");
        }
        if (entry.state() == KekEntry.State.ACTIVE) {
            throw new CustodyException(
                    ErrorCode.CONFLICT, "key-encryption key " + kek + " is active: rotate before destroying it");
        }
        List<KekEntry> changed = new ArrayList<>();
        for (KekEntry other : entries) {
            changed.add(other == entry ? entry.destroyed() : other);
        }
        return new KekTable(changed);
    }

    static KekId id(KekEntry kek) {
        return new KekId(uri(kek.purpose()), kek.version());
    }
}
