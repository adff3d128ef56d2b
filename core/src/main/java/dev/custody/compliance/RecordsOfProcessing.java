package dev.custody.compliance;

import static java.util.Objects.requireNonNull;

import dev.custody.clip.ClipState;
import dev.custody.contributor.ContributorState;
import dev.custody.project.Organization;
import dev.custody.project.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The record of processing activities for one project, as GDPR Art. 30 asks of a controller and of
 * its processor: who controls the data (the client organization) and who processes it (this
 * installation), for which purposes (the project's), which categories of data about which people,
 * who receives it, how long it is kept and how it is erased, transfers to other countries, the
 * security measures in force, and live counts. It names no person and holds no secret: categories,
 * descriptions and counts only.
 *
 * @param processor how the installation names itself: its ledger's origin
 * @param internationalTransfers the transfers to third countries that are configured: none today
 */
public record RecordsOfProcessing(
        Instant generatedAt,
        Project project,
        Organization controller,
        String processor,
        List<DataCategory> personalData,
        List<Category> dataSubjects,
        List<Category> recipients,
        RetentionTerms retention,
        List<String> internationalTransfers,
        SecurityMeasures security,
        Counts counts) {
    public RecordsOfProcessing {
        requireNonNull(generatedAt, "generatedAt is null");
        requireNonNull(project, "project is null");
        requireNonNull(controller, "controller is null");
        requireNonNull(processor, "processor is null");
        personalData = List.copyOf(personalData);
        dataSubjects = List.copyOf(dataSubjects);
        recipients = List.copyOf(recipients);
        requireNonNull(retention, "retention is null");
        internationalTransfers = List.copyOf(internationalTransfers);
        requireNonNull(security, "security is null");
        requireNonNull(counts, "counts is null");
    }

    /** A category of people, or of recipients, with what the record says of it. */
    public record Category(String name, String description) {
        public Category {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
        }
    }

    /**
     * A category of personal data, whether it is special-category data (GDPR Art. 9: biometric data
     * among others), and how it is protected.
     */
    public record DataCategory(String name, String description, boolean specialCategory, String protection) {
        public DataCategory {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            requireNonNull(protection, "protection is null");
        }
    }

    /**
     * How long data is kept and how it is erased.
     *
     * @param clips the project's retention of each clip, from its recording
     * @param contributorInactivity how long a contributor may stay inactive before being erased whole
     * @param backups how long backups are kept: an erased key may be opened from a backup until the
     *     KEK that wrapped it is rotated and this much time has passed
     * @param erasure how erasure works
     */
    public record RetentionTerms(Duration clips, Duration contributorInactivity, Duration backups, String erasure) {
        public RetentionTerms {
            requireNonNull(clips, "clips is null");
            requireNonNull(contributorInactivity, "contributorInactivity is null");
            requireNonNull(backups, "backups is null");
            requireNonNull(erasure, "erasure is null");
        }
    }

    /**
     * The technical and organisational measures (Art. 32), each read from what this installation
     * runs where it can be.
     *
     * @param keyProvider the kind of provider holding the key-encryption keys: {@code local} or
     *     {@code pkcs11}
     * @param ledgerEntries how many entries the ledger holds now
     */
    public record SecurityMeasures(
            String keyProvider,
            String keyEncryption,
            String voiceEncryption,
            String identityEncryption,
            String pseudonymisation,
            String ledger,
            long ledgerEntries,
            String accessControl) {
        public SecurityMeasures {
            requireNonNull(keyProvider, "keyProvider is null");
            requireNonNull(keyEncryption, "keyEncryption is null");
            requireNonNull(voiceEncryption, "voiceEncryption is null");
            requireNonNull(identityEncryption, "identityEncryption is null");
            requireNonNull(pseudonymisation, "pseudonymisation is null");
            requireNonNull(ledger, "ledger is null");
            requireNonNull(accessControl, "accessControl is null");
        }
    }

    /**
     * The project's people and clips now: contributors who ever consented to it, by their state, and
     * its clips by state; every state is present, zero included. {@code consentsRecordedByStaff}:
     * how many of its consents staff recorded from signed paper forms rather than the contributors
     * themselves.
     */
    public record Counts(
            Map<ContributorState, Long> contributors, Map<ClipState, Long> clips, long consentsRecordedByStaff) {
        public Counts {
            if (consentsRecordedByStaff < 0) {
                throw new IllegalArgumentException("a count is never negative");
            }
            contributors = complete(contributors, ContributorState.class);
            clips = complete(clips, ClipState.class);
        }

        private static <E extends Enum<E>> Map<E, Long> complete(Map<E, Long> counts, Class<E> states) {
            requireNonNull(counts, "counts is null");
            Map<E, Long> all = new EnumMap<>(states);
            for (E state : states.getEnumConstants()) {
                all.put(state, counts.getOrDefault(state, 0L));
            }
            return Collections.unmodifiableMap(all); // in declaration order, unlike Map.copyOf
        }
    }
}
