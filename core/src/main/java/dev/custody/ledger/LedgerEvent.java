package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KeyPurpose;
import dev.custody.project.ProjectId;
import java.util.List;

/**
 * A security-relevant event, one record per kind. Fields are ids, pseudonyms, enums, counts and
 * hashes only: never a name, free text or audio.
 *
 * <p>The ledger entry records the event's {@link #action()}, its {@link #subjects()} and the
 * SHA-256 of its {@link #details()}. The details are canonical bytes: the action's one-byte code,
 * then every field in declaration order, each as
 *
 * <ul>
 *   <li>an id, an enum (by constant name) or a string: 8-byte big-endian length, then UTF-8;
 *   <li>a hash: 8-byte big-endian length, then the bytes;
 *   <li>a number: 8 bytes, big-endian two's complement.
 * </ul>
 *
 * So whoever holds the event can prove it is the one the ledger recorded, and the ledger alone
 * reveals nothing more than ids.
 */
public sealed interface LedgerEvent {
    Action action();

    /** The ids this event is about, in a fixed order. */
    List<Subject> subjects();

    /** The canonical details whose SHA-256 the ledger entry carries. */
    Bytes details();

    record ConsentGiven(Pseudonym contributor, ProjectId project, ConsentId consent, long termsVersion, Bytes termsHash)
            implements LedgerEvent {
        public ConsentGiven {
            requireNonNull(contributor, "contributor is null");
            requireNonNull(project, "project is null");
            requireNonNull(consent, "consent is null");
            requireNonNull(termsHash, "termsHash is null");
        }

        @Override
        public Action action() {
            return Action.CONSENT_GIVEN;
        }

        @Override
        public List<Subject> subjects() {
            return Subjects.of(contributor, project, consent);
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(contributor)
                    .text(project)
                    .text(consent)
                    .number(termsVersion)
                    .hash(termsHash)
                    .build();
        }
    }

    record ConsentWithdrawn(Pseudonym contributor, ProjectId project, ConsentId consent) implements LedgerEvent {
        public ConsentWithdrawn {
            requireNonNull(contributor, "contributor is null");
            requireNonNull(project, "project is null");
            requireNonNull(consent, "consent is null");
        }

        @Override
        public Action action() {
            return Action.CONSENT_WITHDRAWN;
        }

        @Override
        public List<Subject> subjects() {
            return Subjects.of(contributor, project, consent);
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(contributor)
                    .text(project)
                    .text(consent)
                    .build();
        }
    }

    /** {@code contentHash} is the SHA-256 of the stored ciphertext. */
    record ClipIngested(ClipId clip, Pseudonym contributor, ProjectId project, Bytes contentHash)
            implements LedgerEvent {
        public ClipIngested {
            requireNonNull(clip, "clip is null");
            requireNonNull(contributor, "contributor is null");
            requireNonNull(project, "project is null");
            requireNonNull(contentHash, "contentHash is null");
        }

        @Override
        public Action action() {
            return Action.CLIP_INGESTED;
        }

        @Override
        public List<Subject> subjects() {
            return Subjects.of(clip, contributor, project);
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(clip)
                    .text(contributor)
                    .text(project)
                    .hash(contentHash)
                    .build();
        }
    }

    record ClipRejected(ClipId clip, ProjectId project, ErrorCode reason) implements LedgerEvent {
        public ClipRejected {
            requireNonNull(clip, "clip is null");
            requireNonNull(project, "project is null");
            requireNonNull(reason, "reason is null");
        }

        @Override
        public Action action() {
            return Action.CLIP_REJECTED;
        }

        @Override
        public List<Subject> subjects() {
            return Subjects.of(clip, project);
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(clip)
                    .text(project)
                    .text(reason.name())
                    .build();
        }
    }

    /** Plaintext audio was released; the entry's actor and purpose say who and why. */
    record ClipOpened(ClipId clip, Pseudonym contributor, ProjectId project) implements LedgerEvent {
        public ClipOpened {
            requireNonNull(clip, "clip is null");
            requireNonNull(contributor, "contributor is null");
            requireNonNull(project, "project is null");
        }

        @Override
        public Action action() {
            return Action.CLIP_OPENED;
        }

        @Override
        public List<Subject> subjects() {
            return Subjects.of(clip, contributor, project);
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(clip)
                    .text(contributor)
                    .text(project)
                    .build();
        }
    }

    record ClipReviewed(ClipId clip, ProjectId project, ReviewVerdict verdict) implements LedgerEvent {
        public ClipReviewed {
            requireNonNull(clip, "clip is null");
            requireNonNull(project, "project is null");
            requireNonNull(verdict, "verdict is null");
        }

        @Override
        public Action action() {
            return Action.CLIP_REVIEWED;
        }

        @Override
        public List<Subject> subjects() {
            return Subjects.of(clip, project);
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(clip)
                    .text(project)
                    .text(verdict.name())
                    .build();
        }
    }

    /** {@code manifestHash} is the SHA-256 of the signed provenance manifest. */
    record DatasetExported(
            String exportId, String grantId, ProjectId project, long clipCount, long byteCount, Bytes manifestHash)
            implements LedgerEvent {
        public DatasetExported {
            LedgerText.require(exportId, "exportId");
            LedgerText.require(grantId, "grantId");
            requireNonNull(project, "project is null");
            requireNonNull(manifestHash, "manifestHash is null");
        }

        @Override
        public Action action() {
            return Action.DATASET_EXPORTED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(
                    new Subject(SubjectKind.EXPORT, exportId),
                    new Subject(SubjectKind.GRANT, grantId),
                    new Subject(SubjectKind.PROJECT, project.value()));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(exportId)
                    .text(grantId)
                    .text(project)
                    .number(clipCount)
                    .number(byteCount)
                    .hash(manifestHash)
                    .build();
        }
    }

    record ContributorErased(Pseudonym contributor, ErasureCause cause) implements LedgerEvent {
        public ContributorErased {
            requireNonNull(contributor, "contributor is null");
            requireNonNull(cause, "cause is null");
        }

        @Override
        public Action action() {
            return Action.CONTRIBUTOR_ERASED;
        }

        @Override
        public List<Subject> subjects() {
            return Subjects.of(contributor);
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(contributor)
                    .text(cause.name())
                    .build();
        }
    }

    /** {@code keyId} names the key (a KEK URI or a signing key id), never its material. */
    record KeyCreated(String keyId, KeyPurpose purpose, long version) implements LedgerEvent {
        public KeyCreated {
            LedgerText.require(keyId, "keyId");
            requireNonNull(purpose, "purpose is null");
        }

        @Override
        public Action action() {
            return Action.KEY_CREATED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(new Subject(SubjectKind.KEY, keyId));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(keyId)
                    .text(purpose.name())
                    .number(version)
                    .build();
        }
    }

    record KeyRotated(String keyId, KeyPurpose purpose, long fromVersion, long toVersion) implements LedgerEvent {
        public KeyRotated {
            LedgerText.require(keyId, "keyId");
            requireNonNull(purpose, "purpose is null");
        }

        @Override
        public Action action() {
            return Action.KEY_ROTATED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(new Subject(SubjectKind.KEY, keyId));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(keyId)
                    .text(purpose.name())
                    .number(fromVersion)
                    .number(toVersion)
                    .build();
        }
    }

    record KeyDestroyed(String keyId, KeyPurpose purpose, long version) implements LedgerEvent {
        public KeyDestroyed {
            LedgerText.require(keyId, "keyId");
            requireNonNull(purpose, "purpose is null");
        }

        @Override
        public Action action() {
            return Action.KEY_DESTROYED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(new Subject(SubjectKind.KEY, keyId));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(keyId)
                    .text(purpose.name())
                    .number(version)
                    .build();
        }
    }

    record AccountChanged(String principalId, AccountChange change) implements LedgerEvent {
        public AccountChanged {
            LedgerText.require(principalId, "principalId");
            requireNonNull(change, "change is null");
        }

        @Override
        public Action action() {
            return Action.ACCOUNT_CHANGED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(new Subject(SubjectKind.PRINCIPAL, principalId));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(principalId)
                    .text(change.name())
                    .build();
        }
    }

    /** {@code scopeId} is what the role applies to: an organization, a project or the platform. */
    record PermissionChanged(String principalId, ActorRole role, PermissionChange change, String scopeId)
            implements LedgerEvent {
        public PermissionChanged {
            LedgerText.require(principalId, "principalId");
            requireNonNull(role, "role is null");
            requireNonNull(change, "change is null");
            LedgerText.require(scopeId, "scopeId");
        }

        @Override
        public Action action() {
            return Action.PERMISSION_CHANGED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(new Subject(SubjectKind.PRINCIPAL, principalId));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(principalId)
                    .text(role.name())
                    .text(change.name())
                    .text(scopeId)
                    .build();
        }
    }

    record PrincipalSuspended(String principalId, SuspensionCause cause) implements LedgerEvent {
        public PrincipalSuspended {
            LedgerText.require(principalId, "principalId");
            requireNonNull(cause, "cause is null");
        }

        @Override
        public Action action() {
            return Action.PRINCIPAL_SUSPENDED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(new Subject(SubjectKind.PRINCIPAL, principalId));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(principalId)
                    .text(cause.name())
                    .build();
        }
    }

    /** The values themselves may be secret or personal, so only their SHA-256 hashes are logged. */
    record ConfigurationChanged(String settingKey, Bytes oldValueHash, Bytes newValueHash) implements LedgerEvent {
        public ConfigurationChanged {
            LedgerText.require(settingKey, "settingKey");
            requireNonNull(oldValueHash, "oldValueHash is null");
            requireNonNull(newValueHash, "newValueHash is null");
        }

        @Override
        public Action action() {
            return Action.CONFIGURATION_CHANGED;
        }

        @Override
        public List<Subject> subjects() {
            return List.of(new Subject(SubjectKind.SETTING, settingKey));
        }

        @Override
        public Bytes details() {
            return DetailsWriter.of(action())
                    .text(settingKey)
                    .hash(oldValueHash)
                    .hash(newValueHash)
                    .build();
        }
    }
}
