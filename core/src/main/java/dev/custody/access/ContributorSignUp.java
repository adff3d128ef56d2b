package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.contributor.Contributor;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.Argon2Parameters;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.IdentityCipher;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.store.MetadataStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A person signs up to record: in one transaction, a contributor account (Argon2id password, the
 * common-password check), a fresh pseudonym with its own voice key, the identity sealed under the
 * IDENTITY KEK, and the account's sealed link to the pseudonym ({@link ContributorLinks}). The
 * ledger gets one entry, naming the pseudonym only, so it never pairs an account with a voice.
 * Fails {@code INVALID_INPUT} (password policy, identity), {@code RATE_LIMITED} (too many sign-ups
 * from the client's address, see {@link SignUpThrottle}) or {@code CONFLICT} (username taken),
 * leaving nothing behind but the throttle's count.
 */
public final class ContributorSignUp {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MetadataStore metadata;
    private final ContributorKeys voiceKeys;
    private final IdentityCipher identities;
    private final ContributorLinks links;
    private final Argon2Parameters hashing;
    private final SignUpThrottle throttle;
    private final Clock clock;

    public ContributorSignUp(
            MetadataStore metadata,
            ContributorKeys voiceKeys,
            IdentityCipher identities,
            ContributorLinks links,
            Argon2Parameters hashing,
            Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.voiceKeys = requireNonNull(voiceKeys, "voiceKeys is null");
        this.identities = requireNonNull(identities, "identities is null");
        this.links = requireNonNull(links, "links is null");
        this.hashing = requireNonNull(hashing, "hashing is null");
        this.throttle = new SignUpThrottle(metadata);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The new contributor's account and pseudonym. */
    public record SignedUp(Account account, Pseudonym pseudonym) {
        public SignedUp {
            requireNonNull(account, "account is null");
            requireNonNull(pseudonym, "pseudonym is null");
        }
    }

    /** Signs up a person whose request came from {@code from}. */
    public SignedUp signUp(Username username, String password, Identity identity, ClientAddress from) {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(from, "from is null");
        PasswordPolicy.standard().check(username, password);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // After the cheap checks, before the password hash: what the throttle guards is that cost.
        throttle.admit(from, now);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        AccountId id = AccountId.random();
        Pseudonym pseudonym = Pseudonym.random();
        var account = Account.create(
                id,
                username,
                Role.CONTRIBUTOR,
                Optional.empty(),
                PasswordHash.of(password, salt, hashing),
                Optional.empty(),
                now);
        var sealedIdentity = identities.seal(pseudonym, identity);
        var voiceKey = voiceKeys.newVoiceKey(pseudonym);
        var link = links.seal(id, pseudonym);
        var self = new Principal(id.value(), Role.CONTRIBUTOR, Optional.empty(), Principal.newRequestId())
                .speakingFor(pseudonym);
        metadata.useTransaction(repositories -> {
            repositories.accounts().insert(account);
            repositories.accounts().linkContributor(id, link);
            repositories
                    .contributors()
                    .insert(
                            new Contributor(pseudonym, ContributorState.ACTIVE, now, Optional.empty()),
                            sealedIdentity,
                            voiceKey);
            repositories
                    .ledger()
                    .append(
                            new AccountChanged(pseudonym.value(), AccountChange.CREATED),
                            self.actor(),
                            "sign-up",
                            self.requestId(),
                            now);
        });
        return new SignedUp(account, pseudonym);
    }
}
