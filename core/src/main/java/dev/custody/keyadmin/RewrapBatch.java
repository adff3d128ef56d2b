package dev.custody.keyadmin;

import dev.custody.access.ContributorLinks;
import dev.custody.access.TotpSecrets;
import dev.custody.consent.SignerNames;
import dev.custody.grant.GrantKeys;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.IdentityCipher;
import dev.custody.keys.IdentitySeal;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import dev.custody.store.Repositories;
import dev.custody.store.WrappedKeyRepository;
import dev.custody.store.WrappedKeyRepository.StoredContributorLink;
import dev.custody.store.WrappedKeyRepository.StoredGrantSecret;
import dev.custody.store.WrappedKeyRepository.StoredIdentity;
import dev.custody.store.WrappedKeyRepository.StoredSignerName;
import dev.custody.store.WrappedKeyRepository.StoredTotpSecret;
import dev.custody.store.WrappedKeyRepository.StoredVoiceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One batch of rewrapping, inside the caller's transaction. It keeps no cursor: the rows still to do
 * are those under an older live version, so a batch that was interrupted or rolled back leaves
 * exactly that set for the next one, and rows another node moved meanwhile simply drop out of it.
 */
final class RewrapBatch {
    private final KeyProvider provider;
    private final ContributorKeys voiceKeys;
    private final IdentityCipher identities;
    private final TotpSecrets totpSecrets;
    private final ContributorLinks contributorLinks;
    private final SignerNames signerNames;
    private final IdentitySeal grantSecrets;

    RewrapBatch(KeyProvider provider) {
        this.provider = provider;
        this.voiceKeys = new ContributorKeys(provider);
        this.identities = new IdentityCipher(provider);
        this.totpSecrets = new TotpSecrets(provider);
        this.contributorLinks = new ContributorLinks(provider);
        this.signerNames = new SignerNames(provider);
        this.grantSecrets = new IdentitySeal(provider);
    }

    /** Rewraps up to {@code batchSize} rows, voice keys first, and reports the progress after it. */
    RewrapProgress run(Repositories repositories, int batchSize) {
        WrappedKeyRepository keys = repositories.wrappedKeys();
        int left = batchSize;
        List<PurposeProgress> progress = new ArrayList<>();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            long rewrapped = 0;
            for (KekId old : movable(keys, purpose)) {
                if (left == 0) {
                    break;
                }
                int listed = switch (purpose) {
                    case VOICE -> {
                        List<StoredVoiceKey> rows = keys.voiceKeysUnder(old, left);
                        rewrapped +=
                                rows.stream().filter(row -> rewrap(keys, row)).count();
                        yield rows.size();
                    }
                    case IDENTITY -> {
                        IdentityRows done = rewrapIdentityRows(keys, old, left);
                        rewrapped += done.rewrapped();
                        yield done.listed();
                    }
                };
                left -= listed;
            }
            progress.add(progress(keys, purpose, rewrapped));
        }
        return new RewrapProgress(progress);
    }

    private record IdentityRows(int listed, long rewrapped) {}

    /**
     * Identities first, then TOTP secrets, contributor links, consent signer names and grants' secrets,
     * up to {@code limit} rows.
     */
    private IdentityRows rewrapIdentityRows(WrappedKeyRepository keys, KekId old, int limit) {
        List<StoredIdentity> rows = keys.identitiesUnder(old, limit);
        long rewrapped = rows.stream().filter(row -> rewrap(keys, row)).count();
        int room = limit - rows.size();
        List<StoredTotpSecret> secrets = room == 0 ? List.of() : keys.totpSecretsUnder(old, room);
        rewrapped += secrets.stream()
                .filter(row -> keys.replaceTotpSecret(
                        row.account(), row.secret().kek(), totpSecrets.rewrap(row.account(), row.secret())))
                .count();
        room -= secrets.size();
        List<StoredContributorLink> links = room == 0 ? List.of() : keys.contributorLinksUnder(old, room);
        rewrapped += links.stream()
                .filter(row -> keys.replaceContributorLink(
                        row.account(), row.link().kek(), contributorLinks.rewrap(row.account(), row.link())))
                .count();
        room -= links.size();
        List<StoredSignerName> names = room == 0 ? List.of() : keys.signerNamesUnder(old, room);
        rewrapped += names.stream()
                .filter(row -> keys.replaceSignerName(
                        row.consent(),
                        row.name().kek(),
                        signerNames.rewrap(row.consent(), row.contributor(), row.name())))
                .count();
        room -= names.size();
        List<StoredGrantSecret> grants = room == 0 ? List.of() : keys.grantSecretsUnder(old, room);
        rewrapped += grants.stream()
                .filter(row -> keys.replaceGrantSecret(
                        row.grant(),
                        row.secret().kek(),
                        grantSecrets.rewrap(row.secret(), GrantKeys.associatedData(row.grant()))))
                .count();
        return new IdentityRows(limit - room + grants.size(), rewrapped);
    }

    private boolean rewrap(WrappedKeyRepository keys, StoredVoiceKey row) {
        return keys.replaceVoiceKey(row.contributor(), row.key().kek(), voiceKeys.rewrap(row.key(), row.contributor()));
    }

    private boolean rewrap(WrappedKeyRepository keys, StoredIdentity row) {
        return keys.replaceIdentity(
                row.contributor(), row.identity().kek(), identities.rewrap(row.contributor(), row.identity()));
    }

    /** Older versions that still wrap rows and that the provider still holds, oldest first. */
    private List<KekId> movable(WrappedKeyRepository keys, KeyPurpose purpose) {
        KekId active = provider.activeKek(purpose);
        List<KekId> live = provider.versions(purpose);
        return keys.countByKek(purpose).keySet().stream()
                .filter(kek -> !kek.equals(active) && live.contains(kek))
                .sorted(Comparator.comparingInt(KekId::version))
                .toList();
    }

    private PurposeProgress progress(WrappedKeyRepository keys, KeyPurpose purpose, long rewrapped) {
        KekId active = provider.activeKek(purpose);
        List<KekId> live = provider.versions(purpose);
        long remaining = 0;
        long unrecoverable = 0;
        for (Map.Entry<KekId, Long> count : keys.countByKek(purpose).entrySet()) {
            if (count.getKey().equals(active)) {
                continue;
            }
            if (live.contains(count.getKey())) {
                remaining += count.getValue();
            } else {
                unrecoverable += count.getValue();
            }
        }
        return new PurposeProgress(purpose, rewrapped, remaining, unrecoverable);
    }
}
