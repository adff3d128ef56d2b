package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.Custodian;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.ClipIngested;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A {@link DeliverySource} over a given list of clips, in that order: their metadata read in
 * batches, each clip's ingest entry checked to record exactly that clip, and the audio opened
 * by a {@link ClipOpener}, which goes through the {@link Custodian} (so each open is authorized,
 * checked and logged as any other). The consent a clip counts under is its contributor's latest for
 * the project given before the clip was received, as at ingest.
 *
 * <p>Throws INTEGRITY_FAILURE, while the items are read, for a clip whose stored facts do not agree
 * (no ingest entry, an entry that records another clip, no consent, a missing prompt), and
 * NOT_FOUND for a clip that does not exist.
 */
public final class ClipDeliverySource implements DeliverySource {
    private static final int BATCH = 500;

    private final MetadataStore metadata;
    private final ClipOpener opener;
    private final DatasetDescription description;
    private final List<ClipId> clips;

    public ClipDeliverySource(
            MetadataStore metadata, ClipOpener opener, DatasetDescription description, List<ClipId> clips) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.opener = requireNonNull(opener, "opener is null");
        this.description = requireNonNull(description, "description is null");
        this.clips = List.copyOf(requireNonNull(clips, "clips is null"));
    }

    /** Clips opened by {@code caller} through {@link Custodian#open} for a platform purpose. */
    public ClipDeliverySource(
            MetadataStore metadata,
            Custodian custodian,
            Principal caller,
            String purpose,
            DatasetDescription description,
            List<ClipId> clips) {
        this(metadata, id -> custodian.open(caller, id, purpose).bytes(), description, clips);
        requireNonNull(custodian, "custodian is null");
        requireNonNull(caller, "caller is null");
        requireNonNull(purpose, "purpose is null");
    }

    @Override
    public DatasetDescription description() {
        return description;
    }

    @Override
    public long count() {
        return clips.size();
    }

    @Override
    public Stream<DeliveryItem> items() {
        int batches = (clips.size() + BATCH - 1) / BATCH;
        return IntStream.range(0, batches)
                .mapToObj(b -> clips.subList(b * BATCH, Math.min(clips.size(), (b + 1) * BATCH)))
                .flatMap(batch -> metadata.inReadTransaction(r -> read(r, batch)).stream());
    }

    private List<DeliveryItem> read(Repositories repositories, List<ClipId> batch) {
        Map<ClipId, Long> entries = repositories.clips().ingestEntries(Set.copyOf(batch));
        var facts = new BatchFacts(repositories);
        List<DeliveryItem> items = new ArrayList<>(batch.size());
        for (ClipId id : batch) {
            Clip clip = repositories.clips().find(id).orElseThrow(() -> CustodyException.notFound("no such clip"));
            Long index = entries.get(id);
            if (index == null
                    || !repositories
                            .ledger()
                            .recordedEntry(index)
                            .records(new ClipIngested(clip.id(), clip.contributor(), clip.project(), clip.sha256()))) {
                throw CustodyException.integrityFailure();
            }
            items.add(new DeliveryItem(
                    clip.id(), clip.contributor(), index, facts.metadataOf(clip), () -> opener.open(id)));
        }
        return items;
    }

    /** What the clips of one batch share (projects, prompts, consents, terms), each read once. */
    private static final class BatchFacts {
        private final Repositories repositories;
        private final Map<ProjectId, Project> projects = new HashMap<>();
        private final Map<Pseudonym, List<ConsentRecord>> consents = new HashMap<>();
        private final Map<String, List<String>> purposes = new HashMap<>();

        BatchFacts(Repositories repositories) {
            this.repositories = repositories;
        }

        SampleMetadata metadataOf(Clip clip) {
            Project project = projects.computeIfAbsent(
                    clip.project(),
                    id -> repositories.projects().find(id).orElseThrow(CustodyException::integrityFailure));
            if (clip.promptIndex() >= project.prompts().size()) {
                throw CustodyException.integrityFailure();
            }
            // The consent a clip counts under: the latest for its project given before it was received.
            ConsentRecord consent =
                    consents
                            .computeIfAbsent(
                                    clip.contributor(),
                                    c -> repositories.consents().byContributor(c))
                            .stream()
                            .filter(c -> c.project().equals(clip.project())
                                    && !c.givenAt().isAfter(clip.createdAt()))
                            .findFirst()
                            .orElseThrow(CustodyException::integrityFailure);
            return new SampleMetadata(
                    project.prompt(clip.promptIndex()),
                    project.commission().language(),
                    clip.audio().frames(),
                    clip.audio().sampleRate(),
                    consent.termsVersion(),
                    consent.termsHash(),
                    purposes.computeIfAbsent(
                            clip.project().value() + "/" + consent.termsVersion(), key -> allowed(project, consent)),
                    LocalDate.ofInstant(clip.createdAt(), ZoneOffset.UTC),
                    clip.quality(),
                    consent.recordedByStaff());
        }

        private List<String> allowed(Project project, ConsentRecord consent) {
            Set<Purpose> allowed = repositories
                    .consentTerms()
                    .find(project.id(), consent.termsVersion())
                    .map(terms -> terms.purposes().allowed())
                    .orElse(project.purposes().allowed());
            return allowed.stream().map(Purpose::code).sorted().toList();
        }
    }
}
