package dev.custody.rights;

import dev.custody.access.AccountId;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Action;
import dev.custody.ledger.Actor;
import dev.custody.ledger.Ledger;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import dev.custody.project.Organization;
import dev.custody.store.MetadataStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the ledger says about one contributor, through its contributor pointers, newest first,
 * in short read transactions (a long history never holds a transaction open), and names the
 * organization of each actor who belongs to one, from their account.
 */
final class ContributorHistory {
    private final MetadataStore metadata;

    ContributorHistory(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /** Up to {@code limit} items with index below {@code before}, about one clip if given. */
    HistoryPage page(Pseudonym contributor, Optional<ClipId> clip, long before, int limit) {
        Optional<Subject> about = clip.map(id -> new Subject(SubjectKind.CLIP, id.value()));
        // Reading one clip's history skips the rest of the contributor's: read in larger pages.
        int scan = about.isPresent() ? Ledger.PAGE : limit;
        Organizations organizations = new Organizations();
        List<HistoryItem> items = new ArrayList<>();
        long cursor = before;
        while (true) {
            long from = cursor;
            List<LedgerEntry> entries =
                    metadata.inReadTransaction(r -> r.ledger().aboutContributor(contributor, from, scan));
            for (LedgerEntry entry : entries) {
                if (about.isEmpty() || entry.subjects().contains(about.get())) {
                    items.add(item(contributor, entry, organizations));
                    if (items.size() == limit) {
                        return new HistoryPage(items, Optional.of(entry.index()));
                    }
                }
            }
            if (entries.size() < scan) {
                return new HistoryPage(items, Optional.empty());
            }
            cursor = entries.getLast().index();
        }
    }

    /** The whole history, newest first, read a page at a time as it is iterated. */
    Iterator<HistoryItem> everything(Pseudonym contributor) {
        return new Iterator<>() {
            private Iterator<HistoryItem> page = Collections.emptyIterator();
            private Optional<Long> next = Optional.of(Long.MAX_VALUE);

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && next.isPresent()) {
                    HistoryPage read = page(contributor, Optional.empty(), next.get(), Ledger.PAGE);
                    page = read.items().iterator();
                    next = read.next();
                }
                return page.hasNext();
            }

            @Override
            public HistoryItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /**
     * The {@code ClipIngested} entries of these clips of the contributor, by clip: read where their
     * clips recorded them, and for clips stored before that was recorded, searched for in the
     * contributor's history. The caller checks that each entry records its clip.
     */
    Map<ClipId, LedgerEntry> ingestEntries(Pseudonym contributor, Set<ClipId> clips) {
        Map<ClipId, LedgerEntry> found = metadata.inReadTransaction(r -> {
            var ledger = r.ledger();
            Map<ClipId, LedgerEntry> recorded = new HashMap<>();
            r.clips().ingestEntries(clips).forEach((clip, index) -> recorded.put(clip, ledger.recordedEntry(index)));
            return recorded;
        });
        long cursor = Long.MAX_VALUE;
        while (found.size() < clips.size()) {
            long from = cursor;
            List<LedgerEntry> entries =
                    metadata.inReadTransaction(r -> r.ledger().aboutContributor(contributor, from, Ledger.PAGE));
            for (LedgerEntry entry : entries) {
                if (entry.action() == Action.CLIP_INGESTED) {
                    clipOf(entry).filter(clips::contains).ifPresent(id -> found.putIfAbsent(id, entry));
                }
            }
            if (entries.size() < Ledger.PAGE) {
                break;
            }
            cursor = entries.getLast().index();
        }
        return found;
    }

    private static Optional<ClipId> clipOf(LedgerEntry entry) {
        return entry.subjects().stream()
                .filter(subject -> subject.kind() == SubjectKind.CLIP)
                .map(subject -> new ClipId(subject.id()))
                .findFirst();
    }

    private HistoryItem item(Pseudonym contributor, LedgerEntry entry, Organizations organizations) {
        boolean byYou = entry.actor().id().equals(contributor.value());
        return new HistoryItem(entry, organizations.of(entry.actor()), byYou);
    }

    /** Each actor's organization, looked up once per page. */
    private final class Organizations {
        private final Map<String, Optional<Organization>> byActor = new HashMap<>();

        Optional<Organization> of(Actor actor) {
            return byActor.computeIfAbsent(
                    actor.id(),
                    id -> AccountId.parse(id)
                            .flatMap(account -> metadata.inReadTransaction(r -> r.accounts()
                                    .find(account)
                                    .flatMap(found -> found.organization())
                                    .flatMap(organization -> r.organizations().find(organization)))));
        }
    }
}
