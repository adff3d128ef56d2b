package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantId;
import dev.custody.grant.GrantKeys;
import dev.custody.project.Project;
import dev.custody.project.Purpose;
import dev.custody.store.MetadataStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a grant's data consumer receives: the grant's deliverable clips (accepted, unerased, consented
 * for every purpose of the grant, no canary), each opened with {@code Custodian.openUnderGrant} for
 * one purpose of the grant (so the egress budgets, the canaries and the ledger apply to every clip),
 * named by the grant's own keys, and recorded as delivered to the grant when opened (a clip counts as
 * held from the moment its bytes leave the custodian, even if the run then fails).
 *
 * <p>{@link #prepare} fails before anything is written: {@code GRANT_INACTIVE} for an expired,
 * suspended or revoked grant, {@code NOT_FOUND} for a grant the caller may not see, {@code
 * FORBIDDEN} (logged) for a caller who is not the grant's consumer, {@code PURPOSE_NOT_CONSENTED} for a purpose the grant does not name. Close it to wipe the grant's secret.
 */
public final class GrantDelivery implements AutoCloseable {
    /** How a delivery's license names the grant it was made under: the buyer's own reference. */
    public static final String LICENSE_PREFIX = "urn:custody:grant:";

    private final Grant grant;
    private final DeliverySource source;
    private final GrantKeys.Keyed keys;

    private GrantDelivery(Grant grant, DeliverySource source, GrantKeys.Keyed keys) {
        this.grant = grant;
        this.source = source;
        this.keys = keys;
    }

    /**
     * The delivery of {@code grantId} to {@code consumer}, for {@code purpose} or else the grant's
     * first purpose (by code).
     */
    public static GrantDelivery prepare(
            MetadataStore metadata, Services services, Principal consumer, GrantId grantId, Optional<String> purpose) {
        requireNonNull(consumer, "consumer is null");
        Grant grant = services.grants().find(consumer, grantId);
        if (consumer.role() != Role.DATA_CONSUMER || !grant.consumer().value().equals(consumer.id())) {
            // A grant's other readers (its client-admins, the security officer) see it but receive nothing.
            throw services.tenancy().deny(consumer, "delivery");
        }
        Purpose chosen = chosenPurpose(grant, requireNonNull(purpose, "purpose is null"));
        List<ClipId> clips = services.grants().contents(consumer, grantId).deliverable().stream()
                .map(deliverable -> deliverable.clip().id())
                .toList();
        ClipOpener opener = clip -> {
            byte[] audio = services.custodian()
                    .openUnderGrant(consumer, grantId, clip, chosen.code())
                    .bytes();
            services.grants().recordDelivery(grantId, clip);
            return audio;
        };
        var source = new ClipDeliverySource(metadata, opener, description(metadata, grant, chosen), clips);
        return new GrantDelivery(grant, source, services.grantKeys().open(grantId));
    }

    public Grant grant() {
        return grant;
    }

    public DeliverySource source() {
        return source;
    }

    /** The grant's sample keys and speaker labels (valid until closed). */
    public DeliveryKeys keys() {
        return keys;
    }

    @Override
    public void close() {
        keys.close();
    }

    private static Purpose chosenPurpose(Grant grant, Optional<String> purpose) {
        if (purpose.isEmpty()) {
            return grant.purposes().stream()
                    .min(Comparator.comparing(Purpose::code))
                    .orElseThrow();
        }
        Purpose asked = Purpose.of(purpose.get());
        if (!grant.purposes().contains(asked)) {
            throw new CustodyException(
                    ErrorCode.PURPOSE_NOT_CONSENTED, "the grant does not name the purpose " + asked.code());
        }
        return asked;
    }

    private static DatasetDescription description(MetadataStore metadata, Grant grant, Purpose purpose) {
        return metadata.inReadTransaction(r -> {
            Project project = r.projects().find(grant.project()).orElseThrow(CustodyException::integrityFailure);
            String publisher = r.organizations()
                    .find(project.organization())
                    .orElseThrow(CustodyException::integrityFailure)
                    .name();
            return new DatasetDescription(
                    project.name(),
                    "Read speech in " + project.commission().language() + ": prompts read aloud by paid contributors.",
                    publisher,
                    LICENSE_PREFIX + grant.id().value(),
                    List.of(purpose.code()),
                    project.purposes().forbidden().stream()
                            .map(Purpose::code)
                            .sorted()
                            .toList(),
                    project.commission().payPerAcceptedClip() + " per accepted clip");
        });
    }
}
