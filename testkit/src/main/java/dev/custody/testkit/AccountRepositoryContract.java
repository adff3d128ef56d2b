package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.T0;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.organization;
import static dev.custody.testkit.RepositoryRecords.voiceKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.PasswordHash;
import dev.custody.access.Role;
import dev.custody.access.Username;
import dev.custody.project.Organization;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.AccountRepository}. Run through {@link RepositoryContract}. */
public abstract class AccountRepositoryContract extends RepositoryContractSupport {
    /** A well-formed hash; its bytes are never checked by the store. */
    static final PasswordHash HASH =
            new PasswordHash("$argon2id$v=19$m=1024,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$" + "B".repeat(43));

    @Test
    void insertedAccount_isFoundByIdAndByUsername_withEveryField() {
        Organization org = organization("Tenant");
        write(r -> r.organizations().insert(org));
        var account = Account.create(
                AccountId.random(),
                freshName(),
                Role.CLIENT_ADMIN,
                Optional.of(org.id()),
                HASH,
                Optional.of(voiceKey()),
                T0);
        write(r -> r.accounts().insert(account));

        assertThat(find(r -> r.accounts().find(account.id()))).contains(account);
        assertThat(find(r -> r.accounts().findByUsername(account.username()))).contains(account);
    }

    @Test
    void platformAccount_withoutTotp_roundTrips() {
        var account = platformAccount();
        write(r -> r.accounts().insert(account));

        assertThat(find(r -> r.accounts().find(account.id()))).contains(account);
    }

    @Test
    void unknownAccount_isEmpty() {
        assertThat(find(r -> r.accounts().find(AccountId.random()))).isEmpty();
        assertThat(find(r -> r.accounts().findByUsername(freshName()))).isEmpty();
    }

    @Test
    void aTakenUsername_conflicts() {
        var first = platformAccount();
        write(r -> r.accounts().insert(first));
        var second = Account.create(
                AccountId.random(), first.username(), Role.AUDITOR, Optional.empty(), HASH, Optional.empty(), T0);

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.accounts().insert(second)));
    }

    @Test
    void update_storesThrottleTotpStepAndDisabled() {
        var account = platformAccount();
        write(r -> r.accounts().insert(account));
        var locked = account.withFailures(3, Optional.of(at(60_000)));
        write(r -> r.accounts().update(locked));
        assertThat(find(r -> r.accounts().find(account.id()))).contains(locked);

        var signedIn = locked.signedIn(57_000_000L).withDisabled(true);
        write(r -> r.accounts().update(signedIn));

        assertThat(find(r -> r.accounts().find(account.id()))).contains(signedIn);
    }

    @Test
    void update_ofAnUnknownAccount_isNotFound() {
        assertFailsWith(ErrorCode.NOT_FOUND, () -> write(r -> r.accounts().update(platformAccount())));
    }

    @Test
    void scrub_replacesUsernameAndPassword_andDropsTheSecretAndTheLink() {
        var account = Account.create(
                AccountId.random(),
                freshName(),
                Role.SECURITY_OFFICER,
                Optional.empty(),
                HASH,
                Optional.of(voiceKey()),
                T0);
        write(r -> {
            r.accounts().insert(account);
            r.accounts().linkContributor(account.id(), voiceKey());
        });
        Username placeholder = freshName();
        PasswordHash unusable = PasswordHash.unusable();

        write(r -> r.accounts().scrub(account.id(), placeholder, unusable));

        Account scrubbed = find(r -> r.accounts().find(account.id())).orElseThrow();
        assertThat(scrubbed.username()).isEqualTo(placeholder);
        assertThat(scrubbed.password()).isEqualTo(unusable);
        assertThat(scrubbed.totpSecret()).isEmpty();
        assertThat(find(r -> r.accounts().findByUsername(account.username()))).isEmpty();
        assertThat(find(r -> r.accounts().contributorLink(account.id()))).isEmpty();
    }

    @Test
    void scrub_ofAnUnknownAccount_isNotFound_andToATakenName_conflicts() {
        var taken = platformAccount();
        var account = platformAccount();
        write(r -> {
            r.accounts().insert(taken);
            r.accounts().insert(account);
        });

        assertFailsWith(
                ErrorCode.NOT_FOUND,
                () -> write(r -> r.accounts().scrub(AccountId.random(), freshName(), PasswordHash.unusable())));
        assertFailsWith(
                ErrorCode.CONFLICT,
                () -> write(r -> r.accounts().scrub(account.id(), taken.username(), PasswordHash.unusable())));
        assertThat(find(r -> r.accounts().find(account.id()))).contains(account);
    }

    static Account platformAccount() {
        return Account.create(
                AccountId.random(), freshName(), Role.REVIEWER, Optional.empty(), HASH, Optional.empty(), T0);
    }

    static Username freshName() {
        return new Username("user-" + AccountId.random().value().substring(4).toLowerCase(Locale.ROOT));
    }
}
