package dev.custody.store;

import static java.util.Objects.requireNonNull;

import dev.custody.access.AccountId;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.grant.GrantId;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.WrappedKey;
import java.util.List;
import java.util.Map;

/**
 * Every secret wrapped under a KEK, seen by the KEK version that wrapped it, so that keys can be
 * moved to a new version (rewrapped) and an old version shown unused before it is destroyed. Voice
 * keys are those of {@link ContributorRepository#voiceKey}; identities those of {@link
 * ContributorRepository#identity}; an erased contributor has neither.
 *
 * <p>Replacements are compare-and-set on the KEK id: a row is replaced only if it is still under the
 * expected version, so two nodes rewrapping the same rows at once never overwrite each other's work,
 * and a row erased meanwhile stays erased.
 */
public interface WrappedKeyRepository {
    /** A contributor's wrapped voice key as stored. */
    record StoredVoiceKey(Pseudonym contributor, WrappedKey key) {
        public StoredVoiceKey {
            requireNonNull(contributor, "contributor is null");
            requireNonNull(key, "key is null");
        }
    }

    /** A contributor's sealed identity as stored. */
    record StoredIdentity(Pseudonym contributor, SealedIdentity identity) {
        public StoredIdentity {
            requireNonNull(contributor, "contributor is null");
            requireNonNull(identity, "identity is null");
        }
    }

    /** An account's wrapped TOTP secret as stored; it counts under the IDENTITY purpose. */
    record StoredTotpSecret(AccountId account, WrappedKey secret) {
        public StoredTotpSecret {
            requireNonNull(account, "account is null");
            requireNonNull(secret, "secret is null");
        }
    }

    /** A contributor account's sealed link to its pseudonym; it counts under the IDENTITY purpose. */
    record StoredContributorLink(AccountId account, WrappedKey link) {
        public StoredContributorLink {
            requireNonNull(account, "account is null");
            requireNonNull(link, "link is null");
        }
    }

    /** The name a contributor typed to sign a consent, sealed; it counts under the IDENTITY purpose. */
    record StoredSignerName(ConsentId consent, Pseudonym contributor, WrappedKey name) {
        public StoredSignerName {
            requireNonNull(consent, "consent is null");
            requireNonNull(contributor, "contributor is null");
            requireNonNull(name, "name is null");
        }
    }

    /** A data-use grant's secret (for a delivery's keyed hashes), sealed; it counts under the IDENTITY purpose. */
    record StoredGrantSecret(GrantId grant, WrappedKey secret) {
        public StoredGrantSecret {
            requireNonNull(grant, "grant is null");
            requireNonNull(secret, "secret is null");
        }
    }

    /** Up to {@code limit} voice keys wrapped under {@code kek}, in pseudonym order. */
    List<StoredVoiceKey> voiceKeysUnder(KekId kek, int limit);

    /** Up to {@code limit} identities sealed under {@code kek}, in pseudonym order. */
    List<StoredIdentity> identitiesUnder(KekId kek, int limit);

    /** Up to {@code limit} accounts' TOTP secrets wrapped under {@code kek}, in account order. */
    List<StoredTotpSecret> totpSecretsUnder(KekId kek, int limit);

    /** Replaces the TOTP secret if it is still wrapped under {@code expected}; false if it was not there. */
    boolean replaceTotpSecret(AccountId account, KekId expected, WrappedKey replacement);

    /** Up to {@code limit} contributor links sealed under {@code kek}, in account order. */
    List<StoredContributorLink> contributorLinksUnder(KekId kek, int limit);

    /** Replaces the contributor link if it is still sealed under {@code expected}; false if it was not there. */
    boolean replaceContributorLink(AccountId account, KekId expected, WrappedKey replacement);

    /** Up to {@code limit} consents' signer names sealed under {@code kek}, in consent order. */
    List<StoredSignerName> signerNamesUnder(KekId kek, int limit);

    /** Replaces the signer name if it is still sealed under {@code expected}; false if it was not there. */
    boolean replaceSignerName(ConsentId consent, KekId expected, WrappedKey replacement);

    /** Up to {@code limit} grants' secrets sealed under {@code kek}, in grant order. */
    List<StoredGrantSecret> grantSecretsUnder(KekId kek, int limit);

    /** Replaces the grant's secret if it is still sealed under {@code expected}; false if it was not there. */
    boolean replaceGrantSecret(GrantId grant, KekId expected, WrappedKey replacement);

    /** Replaces the voice key if it is still wrapped under {@code expected}; false if it was not there. */
    boolean replaceVoiceKey(Pseudonym contributor, KekId expected, WrappedKey replacement);

    /** Replaces the identity if it is still sealed under {@code expected}; false if it was not there. */
    boolean replaceIdentity(Pseudonym contributor, KekId expected, SealedIdentity replacement);

    /**
     * How many rows of the purpose each KEK version wraps (for IDENTITY, sealed identities, TOTP
     * secrets, contributor links and consent signer names together); versions wrapping nothing are
     * absent.
     */
    Map<KekId, Long> countByKek(KeyPurpose purpose);
}
