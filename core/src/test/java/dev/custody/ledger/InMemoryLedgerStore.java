package dev.custody.ledger;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** A hand-written ledger store in memory that counts its reads and tile writes. */
final class InMemoryLedgerStore implements LedgerStore {
    final TreeMap<Long, Bytes> entries = new TreeMap<>();
    final Map<Long, Bytes> leafHashes = new HashMap<>();
    final Map<String, Bytes> tiles = new HashMap<>();
    final TreeMap<Long, String> checkpoints = new TreeMap<>();
    final Map<String, TreeSet<Long>> pointers = new HashMap<>();
    int reads;
    int tileWrites;
    private long size;

    @Override
    public long lockHead() {
        return size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void append(long index, Bytes entry, Bytes leafHash, List<String> contributors) {
        if (entries.putIfAbsent(index, entry) != null) {
            throw new CustodyException(ErrorCode.CONFLICT, "entry exists");
        }
        leafHashes.put(index, leafHash);
        size = index + 1;
        contributors.forEach(pseudonym -> pointToContributor(pseudonym, index));
    }

    /** Says that entry {@code index} names this contributor, true or not (tests use it to damage the store). */
    public void pointToContributor(String pseudonym, long index) {
        if (!pointers.computeIfAbsent(pseudonym, p -> new TreeSet<>()).add(index)) {
            throw new CustodyException(ErrorCode.CONFLICT, "pointer exists");
        }
    }

    @Override
    public List<StoredEntry> contributorEntries(String pseudonym, long before, int limit) {
        return pointers.getOrDefault(pseudonym, new TreeSet<>()).headSet(before, false).descendingSet().stream()
                .limit(limit)
                .map(index -> new StoredEntry(index, entries.get(index)))
                .toList();
    }

    @Override
    public Optional<Long> indexOfLeaf(Bytes leafHash) {
        return leafHashes.entrySet().stream()
                .filter(e -> e.getValue().equals(leafHash))
                .map(Map.Entry::getKey)
                .min(Long::compare);
    }

    @Override
    public List<Bytes> leafHashes(long from, long to) {
        reads++;
        List<Bytes> hashes = new ArrayList<>();
        for (long i = from; i < to && leafHashes.containsKey(i); i++) {
            hashes.add(leafHashes.get(i));
        }
        return hashes;
    }

    @Override
    public List<StoredEntry> entries(long from, int limit) {
        return entries.tailMap(from).entrySet().stream()
                .limit(limit)
                .map(e -> new StoredEntry(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public Optional<Bytes> tile(int level, long index) {
        reads++;
        return Optional.ofNullable(tiles.get(level + "/" + index));
    }

    @Override
    public void putTile(int level, long index, Bytes hashes) {
        tileWrites++;
        tiles.put(level + "/" + index, hashes);
    }

    @Override
    public void addCheckpoint(long size, String note) {
        if (checkpoints.putIfAbsent(size, note) != null) {
            throw new CustodyException(ErrorCode.CONFLICT, "checkpoint exists");
        }
    }

    @Override
    public Optional<String> checkpoint(long size) {
        return Optional.ofNullable(checkpoints.get(size));
    }

    @Override
    public Optional<String> latestCheckpoint() {
        return checkpoints.isEmpty()
                ? Optional.empty()
                : Optional.of(checkpoints.lastEntry().getValue());
    }

    @Override
    public List<String> checkpoints() {
        return List.copyOf(checkpoints.values());
    }
}
