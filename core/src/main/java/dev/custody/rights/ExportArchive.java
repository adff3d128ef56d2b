package dev.custody.rights;

import dev.custody.clip.ClipAudio;
import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.payout.Earnings;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Where {@link ContributorRights#export} writes a contributor's data, part after part, in this
 * order; the adapter decides the file layout (the HTTP API writes a ZIP as it goes). Whatever an
 * adapter throws propagates and ends the export.
 */
public interface ExportArchive {
    /** One clip's audio, decrypted and verified, exactly as uploaded. */
    void recording(ClipAudio audio);

    /** Every clip with its receipt; {@code recorded} names those whose audio the archive holds. */
    void clips(List<MyClip> clips, Set<ClipId> recorded);

    void consents(List<ConsentRecord> consents);

    /** What the contributor has earned, pending and paid, per currency. */
    void earnings(Earnings earnings);

    /** The whole history, newest first, read page by page as the adapter consumes it. */
    void history(Iterator<HistoryItem> history);
}
