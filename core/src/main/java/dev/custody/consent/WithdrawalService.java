package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.Identifiers;
import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.PasswordHash;
import dev.custody.access.Principal;
import dev.custody.access.Username;
import dev.custody.clip.Clip;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.ErasureService;
import dev.custody.contributor.Erasures;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.ledger.ConsentWithdrawn;
import dev.custody.ledger.ErasureCause;
import dev.custody.project.ProjectId;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A contributor's own withdrawal, each in one transaction with its ledger entries, so it happens
 * whole or not at all:
 *
 * <ul>
 *   <li>for one project: the consents for it are withdrawn ({@code ConsentWithdrawn}) and every clip
 *       of theirs in it is erased by crypto-shredding ({@code ClipErased});
 *   <li>for everything: every consent is withdrawn and the contributor erased ({@code
 *       ContributorErased}): their key is destroyed;
 *   <li>the account deleted: everything above, the account disabled, its tokens revoked, its username
 *       and password hash replaced and its link to the pseudonym dropped ({@code AccountChanged
 *       DELETED}); signing in fails from then on.
 * </ul>
 *
 * An erased clip is never delivered again: the custodian answers {@code ERASED}. An upload under way
 * fails when it commits ({@code CONSENT_REQUIRED}). The ledger names the contributor by pseudonym only.
 */
public final class WithdrawalService {
    private static final String PURPOSE = "withdrawal";

    private final ErasureService erasure;
    private final Clock clock;

    public WithdrawalService(ErasureService erasure, Clock clock) {
        this.erasure = requireNonNull(erasure, "erasure is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Withdraws the caller's consent for the project; NOT_FOUND if none stands. */
    public Withdrawal withdraw(Principal caller, ProjectId project) {
        Pseudonym self = caller.requireContributor("withdraw consent");
        requireNonNull(project, "project is null");
        Instant now = now();
        return erasure.inErasingTransaction(caller, PURPOSE, now, (repositories, erase) -> {
            // Withdrawn first: the update holds the consents, so no upload commits against them meanwhile.
            List<ConsentRecord> withdrawn = repositories.consents().withdraw(self, project, now);
            if (withdrawn.isEmpty()) {
                throw CustodyException.notFound("no standing consent for this project");
            }
            log(repositories, caller, withdrawn, now);
            int erased = 0;
            for (Clip clip : repositories.clips().byContributor(self)) {
                if (clip.project().equals(project) && erase.clip(clip.id(), ErasureCause.CONSENT_WITHDRAWN)) {
                    erased++;
                }
            }
            return new Withdrawal(withdrawn, erased);
        });
    }

    /** Withdraws every consent of the caller and erases them; ERASED if that was done before. */
    public Withdrawal withdrawAll(Principal caller) {
        Pseudonym self = caller.requireContributor("withdraw consent");
        Instant now = now();
        return erasure.inErasingTransaction(
                caller, PURPOSE, now, (repositories, erase) -> withdrawAll(repositories, erase, caller, self, now));
    }

    /** Deletes the caller's own account, withdrawing everything first if that was not done before. */
    public void deleteAccount(Principal caller) {
        Pseudonym self = caller.requireContributor("delete the account");
        AccountId id = new AccountId(caller.id());
        Instant now = now();
        erasure.inErasingTransaction(caller, PURPOSE, now, (repositories, erase) -> {
            Account account =
                    repositories.accounts().find(id).orElseThrow(() -> CustodyException.notFound("no such account"));
            boolean erased = repositories
                    .contributors()
                    .find(self)
                    .map(c -> c.state() == ContributorState.ERASED)
                    .orElse(true);
            if (!erased) {
                withdrawAll(repositories, erase, caller, self, now);
            }
            repositories.accounts().update(account.withDisabled(true));
            repositories.accounts().scrub(id, new Username(Identifiers.random("deleted")), PasswordHash.unusable());
            repositories.accessTokens().revokeAll(id.value(), now);
            repositories
                    .ledger()
                    .append(
                            new AccountChanged(self.value(), AccountChange.DELETED),
                            caller.actor(),
                            PURPOSE,
                            caller.requestId(),
                            now);
            return null;
        });
    }

    private static Withdrawal withdrawAll(
            Repositories repositories, Erasures erase, Principal caller, Pseudonym self, Instant now) {
        List<ConsentRecord> withdrawn = repositories.consents().withdrawAll(self, now);
        log(repositories, caller, withdrawn, now);
        int erased = erase.contributor(self, ErasureCause.CONSENT_WITHDRAWN).orElseThrow(ErasureService::alreadyErased);
        return new Withdrawal(withdrawn, erased);
    }

    private static void log(Repositories repositories, Principal caller, List<ConsentRecord> withdrawn, Instant now) {
        for (ConsentRecord consent : withdrawn) {
            repositories
                    .ledger()
                    .append(
                            new ConsentWithdrawn(consent.contributor(), consent.project(), consent.id()),
                            caller.actor(),
                            PURPOSE,
                            caller.requestId(),
                            now);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
