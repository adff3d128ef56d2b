package dev.custody.rights;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipReceipts;
import dev.custody.clip.ClipState;
import dev.custody.clip.Custodian;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.LedgerEntry;
import dev.custody.payout.PayoutService;
import dev.custody.project.ProjectId;
import dev.custody.receipt.SignedReceipt;
import dev.custody.store.MetadataStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A contributor's rights over their own data, for the contributor only (their principal's pseudonym,
 * never one they name): their clips with signed receipts, their consents, the history of every
 * ledger entry about them (each opening of a clip: when, in which role, for which organization and
 * purpose), and the export of all of it with their recordings, decrypted through the {@link
 * Custodian} under the purpose {@value #PORTABILITY}, so the export itself shows in their history.
 *
 * <p>Everything else fails {@code FORBIDDEN}: another role, or a clip that is not the caller's
 * (the same answer whether it exists or not). The contributor's earnings are in the export too.
 */
public final class ContributorRights {
    /** The purpose under which an export opens the contributor's recordings. */
    public static final String PORTABILITY = "portability";

    private static final int MAX_PAGE = 500;

    private final MetadataStore metadata;
    private final Custodian custodian;
    private final ClipReceipts receipts;
    private final PayoutService payouts;
    private final ContributorHistory history;

    public ContributorRights(
            MetadataStore metadata, Custodian custodian, ClipReceipts receipts, PayoutService payouts) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.custodian = requireNonNull(custodian, "custodian is null");
        this.receipts = requireNonNull(receipts, "receipts is null");
        this.payouts = requireNonNull(payouts, "payouts is null");
        this.history = new ContributorHistory(metadata);
    }

    /** The caller's clips, oldest first, each with a receipt that verifies offline. */
    public List<MyClip> clips(Principal caller) {
        Pseudonym me = caller.requireContributor("see their clips");
        return withReceipts(me, metadata.inReadTransaction(r -> r.clips().byContributor(me)));
    }

    public MyClip clip(Principal caller, ClipId clip) {
        Pseudonym me = caller.requireContributor("see their clips");
        return withReceipts(me, List.of(ownClip(me, clip))).getFirst();
    }

    /** Every consent the caller gave, oldest first. */
    public List<ConsentRecord> consents(Principal caller) {
        Pseudonym me = caller.requireContributor("see their consents");
        return metadata.inReadTransaction(r -> r.consents().byContributor(me));
    }

    /** What the ledger says about the caller, newest first, below index {@code before}. */
    public HistoryPage history(Principal caller, long before, int limit) {
        Pseudonym me = caller.requireContributor("see their history");
        return history.page(me, Optional.empty(), checkBefore(before), checkLimit(limit));
    }

    /** What the ledger says about one of the caller's clips, newest first, below index {@code before}. */
    public HistoryPage clipHistory(Principal caller, ClipId clip, long before, int limit) {
        Pseudonym me = caller.requireContributor("see their history");
        ownClip(me, clip);
        return history.page(me, Optional.of(clip), checkBefore(before), checkLimit(limit));
    }

    /**
     * Writes everything to {@code archive}: each recording not erased, then every clip with its
     * receipt, the consents, the earnings and the whole history. What can fail before a byte is written (the
     * role, the receipts) fails first. A clip erased meanwhile is listed, not exported.
     */
    public void export(Principal caller, ExportArchive archive) {
        requireNonNull(archive, "archive is null");
        Pseudonym me = caller.requireContributor("export their data");
        List<MyClip> clips = clips(caller);
        List<ConsentRecord> consents = consents(caller);
        Set<ClipId> recorded = new HashSet<>();
        for (MyClip mine : clips) {
            if (mine.clip().state() == ClipState.ERASED) {
                continue;
            }
            try {
                archive.recording(custodian.open(caller, mine.clip().id(), PORTABILITY));
                recorded.add(mine.clip().id());
            } catch (CustodyException e) {
                // Erased since it was listed: listed, not exported.
                if (e.code() != ErrorCode.ERASED) {
                    throw e;
                }
            }
        }
        archive.clips(clips, recorded);
        archive.consents(consents);
        archive.earnings(payouts.earnings(caller, me));
        // Read last, so it holds the openings this export just made.
        archive.history(history.everything(me));
    }

    private Clip ownClip(Pseudonym me, ClipId id) {
        requireNonNull(id, "clip is null");
        return metadata.inReadTransaction(r -> r.clips().find(id))
                .filter(clip -> clip.contributor().equals(me))
                .orElseThrow(() -> new CustodyException(ErrorCode.FORBIDDEN, "not allowed"));
    }

    private List<MyClip> withReceipts(Pseudonym me, List<Clip> clips) {
        if (clips.isEmpty()) {
            return List.of();
        }
        Map<ClipId, LedgerEntry> entries =
                history.ingestEntries(me, clips.stream().map(Clip::id).collect(Collectors.toSet()));
        // Per project, only the prompts these clips read, never all of them (a project may have 100,000).
        Map<ProjectId, Set<Integer>> asked = clips.stream()
                .collect(Collectors.groupingBy(
                        Clip::project, Collectors.mapping(Clip::promptIndex, Collectors.toSet())));
        Map<ProjectId, Map<Integer, String>> prompts = new HashMap<>();
        Map<ProjectId, Integer> termsVersions = new HashMap<>();
        List<ConsentRecord> consents = metadata.inReadTransaction(r -> {
            asked.forEach((project, indexes) -> {
                prompts.put(project, r.projects().prompts(project, indexes));
                r.projects().consentTermsVersion(project).ifPresent(version -> termsVersions.put(project, version));
            });
            return r.consents().byContributor(me);
        });
        List<ClipReceipts.Ingested> ingested = new ArrayList<>(clips.size());
        for (Clip clip : clips) {
            // Every stored clip was logged at ingest, and its project and prompt are kept: else the data is damaged.
            LedgerEntry entry = entries.get(clip.id());
            String prompt = prompts.get(clip.project()).get(clip.promptIndex());
            Integer termsVersion = termsVersions.get(clip.project());
            if (entry == null || prompt == null || termsVersion == null) {
                throw CustodyException.integrityFailure();
            }
            ingested.add(new ClipReceipts.Ingested(clip, entry, prompt, termsAt(clip, termsVersion, consents)));
        }
        List<SignedReceipt> signed = receipts.of(ingested);
        List<MyClip> mine = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            mine.add(new MyClip(clips.get(i), signed.get(i)));
        }
        return mine;
    }

    /** The terms version of the latest consent to the clip's project given before the clip was received. */
    private static int termsAt(Clip clip, int currentTermsVersion, List<ConsentRecord> consents) {
        // Newest first: the first one given before the clip is the one ingest checked.
        for (ConsentRecord consent : consents) {
            if (consent.project().equals(clip.project()) && !consent.givenAt().isAfter(clip.createdAt())) {
                return consent.termsVersion();
            }
        }
        return currentTermsVersion;
    }

    private static long checkBefore(long before) {
        if (before < 0) {
            throw CustodyException.invalidInput("before must not be negative");
        }
        return before;
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw CustodyException.invalidInput("limit must be 1 to " + MAX_PAGE);
        }
        return limit;
    }
}
