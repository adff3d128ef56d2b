package dev.custody.contributor;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.IdentityCipher;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers contributors (a fresh pseudonym, a fresh voice key, the identity sealed under the
 * identity KEK) and lists their clips' metadata. Consent is recorded by {@link
 * dev.custody.consent.ConsentService}.
 */
public final class ContributorService {
    private static final Set<Role> MAY_REGISTER = Set.of(Role.OPERATOR, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> MAY_READ = Set.of(Role.OPERATOR, Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> MAY_LIST_CLIPS = Set.of(Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> MAY_READ_CLIP = Set.of(Role.REVIEWER, Role.CLIENT_ADMIN, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final ContributorKeys keys;
    private final IdentityCipher identities;
    private final Clock clock;

    public ContributorService(MetadataStore metadata, ContributorKeys keys, IdentityCipher identities, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.identities = requireNonNull(identities, "identities is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Contributor register(Principal caller, Identity identity) {
        caller.require(MAY_REGISTER, "register contributors");
        Pseudonym pseudonym = Pseudonym.random();
        var sealed = identities.seal(pseudonym, identity);
        var voiceKey = keys.newVoiceKey(pseudonym);
        var contributor = new Contributor(pseudonym, ContributorState.ACTIVE, now(), Optional.empty());
        metadata.useTransaction(repositories -> {
            repositories.contributors().insert(contributor, sealed, voiceKey);
            repositories
                    .ledger()
                    .append(
                            new AccountChanged(pseudonym.value(), AccountChange.CREATED),
                            caller.actor(),
                            "administration",
                            caller.requestId(),
                            clock.instant());
        });
        return contributor;
    }

    public Contributor contributor(Principal caller, Pseudonym pseudonym) {
        caller.require(MAY_READ, "read contributors");
        return metadata.inReadTransaction(repositories -> repositories
                .contributors()
                .find(pseudonym)
                .orElseThrow(() -> CustodyException.notFound("no such contributor")));
    }

    public List<Clip> clips(Principal caller, Pseudonym pseudonym) {
        caller.require(MAY_LIST_CLIPS, "list clips");
        return metadata.inReadTransaction(repositories -> repositories.clips().byContributor(pseudonym));
    }

    public Clip clip(Principal caller, ClipId id) {
        caller.require(MAY_READ_CLIP, "read clips");
        return metadata.inReadTransaction(repositories -> {
            Clip clip = repositories.clips().find(id).orElseThrow(() -> CustodyException.notFound("no such clip"));
            repositories
                    .projects()
                    .find(clip.project())
                    .ifPresent(project -> caller.requireOwnOrganization(project.organization(), "read clips"));
            return clip;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
