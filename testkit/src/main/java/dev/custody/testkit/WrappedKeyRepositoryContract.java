package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.activeContributor;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.WrappedKey;
import dev.custody.store.WrappedKeyRepository.StoredIdentity;
import dev.custody.store.WrappedKeyRepository.StoredVoiceKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.custody.store.WrappedKeyRepository}. Run through {@link
 * RepositoryContract}; every test names its KEKs afresh, so rows of other tests never match.
 */
public abstract class WrappedKeyRepositoryContract extends RepositoryContractSupport {
    @Test
    void voiceKeysUnder_returnsOnlyThatVersionsRows_inPseudonymOrder_uptoTheLimit() {
        KekId old = kek(1);
        KekId other = kek(2);
        List<Pseudonym> underOld = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            underOld.add(contributor(old, other));
        }
        contributor(other, old);
        underOld.sort(Comparator.comparing(Pseudonym::value));

        List<StoredVoiceKey> firstThree = list(r -> r.wrappedKeys().voiceKeysUnder(old, 3));
        List<StoredVoiceKey> all = list(r -> r.wrappedKeys().voiceKeysUnder(old, 100));

        assertThat(firstThree)
                .extracting(StoredVoiceKey::contributor)
                .containsExactlyElementsOf(underOld.subList(0, 3));
        assertThat(all).extracting(StoredVoiceKey::contributor).containsExactlyElementsOf(underOld);
        for (StoredVoiceKey stored : all) {
            assertThat(stored.key())
                    .isEqualTo(find(r -> r.contributors().voiceKey(stored.contributor()))
                            .orElseThrow());
        }
    }

    @Test
    void identitiesUnder_returnsTheSealedIdentitiesOfThatVersion() {
        KekId voice = kek(1);
        KekId identity = kek(2);
        Pseudonym contributor = contributor(voice, identity);

        List<StoredIdentity> found = list(r -> r.wrappedKeys().identitiesUnder(identity, 10));

        assertThat(found)
                .containsExactly(new StoredIdentity(
                        contributor,
                        find(r -> r.contributors().identity(contributor)).orElseThrow()));
        assertThat(list(r -> r.wrappedKeys().identitiesUnder(voice, 10))).isEmpty();
    }

    @Test
    void replaceVoiceKey_underTheExpectedVersion_movesTheRowToTheNewOne() {
        KekId old = kek(1);
        KekId next = kek(2);
        Pseudonym contributor = contributor(old, old);
        WrappedKey replacement = new WrappedKey(next, randomBytes(60));

        assertThat(check(r -> r.wrappedKeys().replaceVoiceKey(contributor, old, replacement)))
                .isTrue();

        assertThat(find(r -> r.contributors().voiceKey(contributor))).contains(replacement);
        assertThat(list(r -> r.wrappedKeys().voiceKeysUnder(old, 10))).isEmpty();
    }

    @Test
    void replace_whenTheRowIsNoLongerUnderTheExpectedVersion_changesNothingAndReturnsFalse() {
        KekId old = kek(1);
        KekId next = kek(2);
        Pseudonym contributor = contributor(old, old);
        WrappedKey firstWriter = new WrappedKey(next, randomBytes(60));
        SealedIdentity firstIdentity = new SealedIdentity(next, randomBytes(20), randomBytes(30));
        write(r -> {
            r.wrappedKeys().replaceVoiceKey(contributor, old, firstWriter);
            r.wrappedKeys().replaceIdentity(contributor, old, firstIdentity);
        });

        boolean voice =
                check(r -> r.wrappedKeys().replaceVoiceKey(contributor, old, new WrappedKey(next, randomBytes(60))));
        boolean identity = check(r -> r.wrappedKeys()
                .replaceIdentity(contributor, old, new SealedIdentity(next, randomBytes(20), randomBytes(30))));

        assertThat(voice).isFalse();
        assertThat(identity).isFalse();
        assertThat(find(r -> r.contributors().voiceKey(contributor))).contains(firstWriter);
        assertThat(find(r -> r.contributors().identity(contributor))).contains(firstIdentity);
    }

    @Test
    void replace_ofAnErasedContributor_returnsFalseAndRecreatesNothing() {
        KekId old = kek(1);
        Pseudonym contributor = contributor(old, old);
        write(r -> r.contributors().erase(contributor, at(5)));

        assertThat(check(r ->
                        r.wrappedKeys().replaceVoiceKey(contributor, old, new WrappedKey(kek(2), randomBytes(60)))))
                .isFalse();
        assertThat(find(r -> r.contributors().voiceKey(contributor))).isEmpty();
    }

    @Test
    void countByKek_countsTheRowsOfEachVersionPerPurpose() {
        KekId voice = kek(1);
        KekId identity = kek(1);
        contributor(voice, identity);
        contributor(voice, identity);
        contributor(voice, identity);
        Pseudonym moved = contributor(voice, identity);
        KekId voiceNext = new KekId(voice.uri(), 2);
        write(r -> r.wrappedKeys().replaceVoiceKey(moved, voice, new WrappedKey(voiceNext, randomBytes(60))));

        var voiceCounts = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.VOICE));
        var identityCounts = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));

        assertThat(voiceCounts)
                .containsEntry(voice, 3L)
                .containsEntry(voiceNext, 1L)
                .doesNotContainKey(identity);
        assertThat(identityCounts).containsEntry(identity, 4L).doesNotContainKey(voice);
    }

    /** A KEK name no other test uses. */
    @Test
    void totpSecrets_areListedCountedAndReplacedUnderTheIdentityPurpose() {
        KekId old = kek(1);
        KekId next = new KekId(old.uri(), 2);
        var account = AccountRepositoryContract.platformAccount();
        var withSecret = new dev.custody.access.Account(
                account.id(),
                account.username(),
                account.role(),
                account.organization(),
                account.password(),
                java.util.Optional.of(new dev.custody.keys.WrappedKey(old, RepositoryRecords.randomBytes(40))),
                0,
                java.util.Optional.empty(),
                -1,
                false,
                account.createdAt());
        write(r -> r.accounts().insert(withSecret));

        assertThat(list(r -> r.wrappedKeys().totpSecretsUnder(old, 10)))
                .extracting(row -> row.account())
                .containsExactly(account.id());
        java.util.Map<KekId, Long> before = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));
        assertThat(before).containsEntry(old, 1L);

        var replacement = new dev.custody.keys.WrappedKey(next, RepositoryRecords.randomBytes(40));
        assertThat(check(r -> r.wrappedKeys().replaceTotpSecret(account.id(), old, replacement)))
                .isTrue();
        assertThat(check(r -> r.wrappedKeys().replaceTotpSecret(account.id(), old, replacement)))
                .isFalse();
        assertThat(find(r -> r.accounts().find(account.id())).flatMap(a -> a.totpSecret()))
                .contains(replacement);
        java.util.Map<KekId, Long> after = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));
        assertThat(after).doesNotContainKey(old).containsEntry(next, 1L);
    }

    @Test
    void contributorLinks_areListedCountedAndReplacedUnderTheIdentityPurpose() {
        KekId old = kek(1);
        KekId next = new KekId(old.uri(), 2);
        var account = AccountRepositoryContract.platformAccount();
        var link = new WrappedKey(old, RepositoryRecords.randomBytes(50));
        write(r -> {
            r.accounts().insert(account);
            r.accounts().linkContributor(account.id(), link);
        });

        assertThat(find(r -> r.accounts().contributorLink(account.id()))).contains(link);
        assertThat(list(r -> r.wrappedKeys().contributorLinksUnder(old, 10)))
                .extracting(row -> row.account())
                .containsExactly(account.id());
        java.util.Map<KekId, Long> before = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));
        assertThat(before).containsEntry(old, 1L);

        var replacement = new WrappedKey(next, RepositoryRecords.randomBytes(50));
        assertThat(check(r -> r.wrappedKeys().replaceContributorLink(account.id(), old, replacement)))
                .isTrue();
        assertThat(check(r -> r.wrappedKeys().replaceContributorLink(account.id(), old, replacement)))
                .isFalse();
        assertThat(find(r -> r.accounts().contributorLink(account.id()))).contains(replacement);
        java.util.Map<KekId, Long> after = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));
        assertThat(after).doesNotContainKey(old).containsEntry(next, 1L);
    }

    @Test
    void signerNames_areListedCountedAndReplacedUnderTheIdentityPurpose() {
        KekId old = kek(1);
        KekId next = new KekId(old.uri(), 2);
        Scene scene = scene();
        var name = new WrappedKey(old, RepositoryRecords.randomBytes(40));
        var consent = RepositoryRecords.consent(
                scene.contributor().pseudonym(), scene.project().id(), 1, RepositoryRecords.T0);
        write(r -> r.consents().insert(consent, java.util.Optional.of(name)));
        java.util.Map<KekId, Long> before = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));
        assertThat(before).containsEntry(old, 1L);

        var replacement = new WrappedKey(next, RepositoryRecords.randomBytes(40));
        assertThat(check(r -> r.wrappedKeys().replaceSignerName(consent.id(), old, replacement)))
                .isTrue();
        assertThat(check(r -> r.wrappedKeys().replaceSignerName(consent.id(), old, replacement)))
                .isFalse();

        assertThat(list(r -> r.wrappedKeys().signerNamesUnder(next, 10)))
                .singleElement()
                .satisfies(row -> assertThat(row.name()).isEqualTo(replacement));
        assertThat(list(r -> r.wrappedKeys().signerNamesUnder(old, 10))).isEmpty();
        java.util.Map<KekId, Long> after = tx(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));
        assertThat(after).doesNotContainKey(old).containsEntry(next, 1L);
    }

    @Test
    void linkContributor_refusesASecondLinkAndAMissingAccount() {
        var account = AccountRepositoryContract.platformAccount();
        var link = new WrappedKey(kek(1), RepositoryRecords.randomBytes(50));
        write(r -> {
            r.accounts().insert(account);
            r.accounts().linkContributor(account.id(), link);
        });

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.accounts().linkContributor(account.id(), link)));
        assertFailsWith(
                ErrorCode.CONFLICT,
                () -> write(r -> r.accounts().linkContributor(dev.custody.access.AccountId.random(), link)));
        assertThat(find(r -> r.accounts().contributorLink(dev.custody.access.AccountId.random())))
                .isEmpty();
    }

    private static KekId kek(int version) {
        return new KekId(URI.create("local://contract-" + UUID.randomUUID()), version);
    }

    private Pseudonym contributor(KekId voice, KekId identity) {
        Contributor contributor = activeContributor();
        write(r -> r.contributors()
                .insert(
                        contributor,
                        new SealedIdentity(identity, randomBytes(20), randomBytes(30)),
                        new WrappedKey(voice, randomBytes(60))));
        return contributor.pseudonym();
    }
}
