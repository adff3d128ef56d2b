package dev.custody.store;

import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.WrappedKey;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consents, with the name their contributor typed to sign them, sealed under the IDENTITY KEK (see
 * {@code dev.custody.consent.SignerNames}); for a consent that staff recorded from a signed paper
 * form, the witness's name, sealed the same way.
 */
public interface ConsentRepository {
    /** Fails CONFLICT for a duplicate id, NOT_FOUND for an unknown contributor or project. */
    void insert(ConsentRecord consent, Optional<WrappedKey> signerName);

    /**
     * The most recent consent of this contributor for this project, withdrawn or not. Inside a
     * writing transaction it holds that consent against a concurrent withdrawal until the commit, so
     * a check made on it stays true for the rest of the transaction.
     */
    Optional<ConsentRecord> latest(Pseudonym contributor, ProjectId project);

    /** Every consent of the contributor, newest first. */
    List<ConsentRecord> byContributor(Pseudonym contributor);

    /** Withdraws the contributor's standing consents for the project; returns them as withdrawn. */
    List<ConsentRecord> withdraw(Pseudonym contributor, ProjectId project, Instant at);

    /** Withdraws every standing consent of the contributor; returns them as withdrawn. */
    List<ConsentRecord> withdrawAll(Pseudonym contributor, Instant at);

    /** Deletes the sealed names the contributor signed with; returns how many. The consents stay. */
    int forgetSignerNames(Pseudonym contributor);
    /**
     * How many distinct contributors ever consented to the project, by their state now; states
     * without any are absent.
     */
    Map<ContributorState, Long> contributorsByState(ProjectId project);

    /** How many consents to the project staff recorded from signed paper forms, withdrawn or not. */
    long recordedByStaff(ProjectId project);
}
