package dev.custody.server;

import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import dev.custody.rights.HistoryItem;
import dev.custody.rights.HistoryPage;
import dev.custody.rights.MyClip;
import java.util.List;

/** The JSON shapes of a contributor's own data, in API responses and in their export archive alike. */
final class RightsViews {
    private RightsViews() {}

    /** A clip and its receipt, as text the contributor can keep and verify offline. */
    record MyClipView(Views.ClipView clip, String receipt) {
        static MyClipView of(MyClip mine) {
            return new MyClipView(Views.ClipView.of(mine.clip()), mine.receipt().toText());
        }
    }

    /** A clip in the export archive, with the files that hold its recording (if not erased) and receipt. */
    record ExportedClipView(Views.ClipView clip, String recording, String receipt) {}

    record OrganizationRef(String id, String name) {}

    /**
     * One ledger entry about the contributor: who acted by role and organization (never by name),
     * why, and the entry's canonical bytes ({@code encoded}, base64) with its index, to check
     * against the log and its checkpoints. {@code outcome} says how an opening ended ({@code
     * DELIVERED} or the refusal's error code), on the {@code CLIP_OPEN_ENDED} entry that follows
     * each {@code CLIP_OPENED}; null on other entries.
     */
    record HistoryItemView(
            long index,
            String time,
            String action,
            List<LedgerRoutes.SubjectView> subjects,
            String actorRole,
            boolean byYou,
            OrganizationRef organization,
            String purpose,
            String requestId,
            String outcome,
            String encoded) {
        static HistoryItemView of(HistoryItem item) {
            var entry = item.entry();
            return new HistoryItemView(
                    entry.index(),
                    entry.time().toString(),
                    entry.action().name(),
                    entry.subjects().stream()
                            .map(s -> new LedgerRoutes.SubjectView(s.kind().name(), s.id()))
                            .toList(),
                    entry.actor().role().name(),
                    item.byYou(),
                    item.organization()
                            .map(o -> new OrganizationRef(o.id().value(), o.name()))
                            .orElse(null),
                    entry.purpose(),
                    entry.requestId(),
                    entry.subjects().stream()
                            .filter(s -> s.kind() == SubjectKind.OUTCOME)
                            .map(Subject::id)
                            .findFirst()
                            .orElse(null),
                    LedgerEntryCodec.encode(entry).base64());
        }
    }

    /** {@code next} is the {@code before} that asks for the next, older page; null at the end. */
    record HistoryPageView(List<HistoryItemView> items, Long next) {
        static HistoryPageView of(HistoryPage page) {
            return new HistoryPageView(
                    page.items().stream().map(HistoryItemView::of).toList(),
                    page.next().orElse(null));
        }
    }
}
