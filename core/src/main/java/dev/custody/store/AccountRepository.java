package dev.custody.store;

import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.PasswordHash;
import dev.custody.access.Username;
import dev.custody.keys.WrappedKey;
import java.util.Optional;

/** Accounts, found by id or username. Usernames are unique: a second insert fails {@code CONFLICT}. */
public interface AccountRepository {
    void insert(Account account);

    Optional<Account> find(AccountId id);

    Optional<Account> findByUsername(Username username);

    /** Replaces the account's mutable state (throttle, TOTP step, disabled); fails NOT_FOUND if absent. */
    void update(Account account);

    /**
     * Stores the sealed link of a contributor account to its pseudonym (see {@link
     * dev.custody.access.ContributorLinks}); fails CONFLICT if the account is absent or already linked.
     */
    void linkContributor(AccountId account, WrappedKey link);

    /** The account's sealed link to its pseudonym; empty for an account that is not a contributor's. */
    Optional<WrappedKey> contributorLink(AccountId account);

    /**
     * Removes what identifies the person from a deleted account: replaces the username and the
     * password hash, drops the TOTP secret and the contributor link. The row stays, disabled, so ids
     * in the ledger and in tokens still resolve to "deleted". Fails NOT_FOUND if absent, CONFLICT if
     * the placeholder username is taken.
     */
    void scrub(AccountId account, Username placeholder, PasswordHash unusable);
}
