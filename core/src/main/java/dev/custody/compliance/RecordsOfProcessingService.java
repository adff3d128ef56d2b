package dev.custody.compliance;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.compliance.RecordsOfProcessing.Counts;
import dev.custody.compliance.RecordsOfProcessing.RetentionTerms;
import dev.custody.compliance.RecordsOfProcessing.SecurityMeasures;
import dev.custody.keyadmin.KeyRotationService;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import dev.custody.project.Organization;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.retention.RetentionService;
import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a project's {@link RecordsOfProcessing} from the project, the database's live counts and
 * the installation's actual configuration: the kind of key provider holding the KEKs, the
 * encryption in use, the ledger's size. The owning organization's client admins may read it, and
 * the platform's auditors, security officers and operators; anyone else gets {@code FORBIDDEN}, as
 * does a client admin of another organization. An unknown project is {@code NOT_FOUND}.
 */
public final class RecordsOfProcessingService {
    private static final Set<Role> MAY_READ =
            Set.of(Role.CLIENT_ADMIN, Role.AUDITOR, Role.SECURITY_OFFICER, Role.OPERATOR, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final KeyProvider keys;
    private final String ledgerOrigin;
    private final Clock clock;

    /**
     * @param ledgerOrigin the name of this installation's ledger, which the report gives as the
     *     processor's
     */
    public RecordsOfProcessingService(MetadataStore metadata, KeyProvider keys, String ledgerOrigin, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.ledgerOrigin = requireNonNull(ledgerOrigin, "ledgerOrigin is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public RecordsOfProcessing report(Principal caller, ProjectId id) {
        caller.require(MAY_READ, "read records of processing");
        Stored stored = metadata.inReadTransaction(repositories -> {
            Project project =
                    repositories.projects().find(id).orElseThrow(() -> CustodyException.notFound("no such project"));
            caller.requireOwnOrganization(project.organization(), "read records of processing");
            Organization organization = repositories
                    .organizations()
                    .find(project.organization())
                    .orElseThrow(() -> new IllegalStateException("a project without its organization"));
            return new Stored(
                    project,
                    organization,
                    new Counts(
                            repositories.consents().contributorsByState(id),
                            repositories.clips().countByState(id),
                            repositories.consents().recordedByStaff(id)),
                    KeyRotationService.backupRetention(repositories.settings()),
                    repositories.ledger().size());
        });
        return new RecordsOfProcessing(
                clock.instant(),
                stored.project(),
                stored.organization(),
                ledgerOrigin,
                ProcessingCategories.PERSONAL_DATA,
                ProcessingCategories.DATA_SUBJECTS,
                ProcessingCategories.recipients(stored.organization()),
                retention(stored),
                List.of(),
                security(stored.ledgerEntries()),
                stored.counts());
    }

    private static RetentionTerms retention(Stored stored) {
        return new RetentionTerms(
                stored.project().retention(),
                RetentionService.INACTIVITY_LIMIT,
                stored.backupRetention(),
                "crypto-shredding, logged to the ledger: erasing a clip deletes the key header without which"
                        + " its key cannot be derived; erasing a contributor deletes their key and sealed"
                        + " identity, making every clip of theirs unreadable, copies included. Clips past the"
                        + " retention and contributors inactive for 3 years are erased by a scheduled job;"
                        + " ciphertext blobs are then deleted in the background. A backup keeps an erased key"
                        + " openable until the key-encryption key that wrapped it is rotated and the backup"
                        + " retention has passed.");
    }

    private SecurityMeasures security(long ledgerEntries) {
        String provider = keys.activeKek(KeyPurpose.VOICE).uri().getScheme();
        return new SecurityMeasures(
                provider,
                keyEncryption(provider),
                "AES-256-GCM-HKDF streaming authenticated encryption (Tink), "
                        + ContributorKeys.CLIP_SEGMENT_SIZE / 1024
                        + " KiB segments: one data-encryption key per contributor, wrapped by the voice key;"
                        + " one key per clip derived with HKDF-SHA256; clip id and pseudonym bound as associated"
                        + " data",
                "name and e-mail sealed field by field under a separate identity key, with AES-256-GCM",
                "recordings and their metadata refer to people only by random pseudonyms; stored objects have"
                        + " random names",
                "append-only Merkle log (RFC 9162) of every consent, ingest, opening, erasure, key and"
                        + " permission change, written in the same transaction as the change; checkpoints signed"
                        + " with Ed25519 and ML-DSA-65, verifiable offline",
                ledgerEntries,
                accessControl());
    }

    private static String keyEncryption(String provider) {
        return switch (provider) {
            case "pkcs11" ->
                "key-encryption keys are non-extractable AES-256 keys inside a hardware security module"
                        + " (PKCS#11); keys are wrapped with AES-256-GCM inside the token";
            case "local" ->
                "key-encryption keys are held in a local keyring file sealed with AES-256-GCM under an Argon2id"
                        + " key derived from a passphrase kept apart from the data; keys are wrapped with"
                        + " AES-256-GCM";
            default -> "key-encryption keys are held by the " + provider + " key provider";
        };
    }

    private static String accessControl() {
        String secondFactor = Arrays.stream(Role.values())
                .filter(Role::requiresTotp)
                .map(role -> role.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        return "every request authenticated by a session or API token (stored as SHA-256 only) and checked against"
                + " one table of roles; a client organization sees its own projects only; every refusal is"
                + " logged; passwords hashed with Argon2id; a second factor (TOTP) required for "
                + secondFactor;
    }

    private record Stored(
            Project project, Organization organization, Counts counts, Duration backupRetention, long ledgerEntries) {}
}
