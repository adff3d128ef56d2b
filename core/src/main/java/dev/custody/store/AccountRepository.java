package dev.custody.store;

import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.Username;
import java.util.Optional;

/** Accounts, found by id or username. Usernames are unique: a second insert fails {@code CONFLICT}. */
public interface AccountRepository {
    void insert(Account account);

    Optional<Account> find(AccountId id);

    Optional<Account> findByUsername(Username username);

    /** Replaces the account's mutable state (throttle, TOTP step, disabled); fails NOT_FOUND if absent. */
    void update(Account account);
}
