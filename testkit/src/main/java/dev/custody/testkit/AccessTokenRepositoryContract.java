package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.T0;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.organization;
import static dev.custody.testkit.RepositoryRecords.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.access.AccessToken;
import dev.custody.access.AccountId;
import dev.custody.access.Role;
import dev.custody.access.TokenId;
import dev.custody.access.TokenKind;
import dev.custody.project.Organization;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.AccessTokenRepository}. Run through {@link RepositoryContract}. */
public abstract class AccessTokenRepositoryContract extends RepositoryContractSupport {
    @Test
    void insertedToken_isFoundByItsHash_withEveryField() {
        Organization org = organization("Tenant");
        write(r -> r.organizations().insert(org));
        var token = new AccessToken(
                TokenId.random(),
                randomBytes(32),
                AccountId.random().value(),
                Role.DATA_CONSUMER,
                Optional.of(org.id()),
                TokenKind.API,
                T0,
                at(86_400_000),
                T0,
                Optional.empty());
        write(r -> r.accessTokens().insert(token));

        assertThat(find(r -> r.accessTokens().findBySecretHash(token.secretHash())))
                .contains(token);
        assertThat(find(r -> r.accessTokens().findBySecretHash(randomBytes(32))))
                .isEmpty();
    }

    @Test
    void listFor_holdsOnlyThatPrincipalsTokens_newestFirst() {
        String owner = AccountId.random().value();
        var older = token(owner, T0);
        var newer = token(owner, at(1_000));
        var other = token(AccountId.random().value(), at(2_000));
        write(r -> {
            r.accessTokens().insert(older);
            r.accessTokens().insert(newer);
            r.accessTokens().insert(other);
        });

        assertThat(list(r -> r.accessTokens().listFor(owner))).containsExactly(newer, older);
    }

    @Test
    void touch_recordsTheLastUse_neverMovingItBack() {
        var token = token(AccountId.random().value(), T0);
        write(r -> r.accessTokens().insert(token));

        write(r -> r.accessTokens().touch(token.id(), at(5_000)));
        write(r -> r.accessTokens().touch(token.id(), at(1_000)));

        assertThat(find(r -> r.accessTokens().findBySecretHash(token.secretHash()))
                        .map(AccessToken::lastUsedAt))
                .contains(at(5_000));
    }

    @Test
    void revoke_worksOnceAndOnlyForTheOwner() {
        String owner = AccountId.random().value();
        var token = token(owner, T0);
        write(r -> r.accessTokens().insert(token));

        assertThat(check(r -> r.accessTokens().revoke(token.id(), "someone-else", at(1))))
                .isFalse();
        assertThat(check(r -> r.accessTokens().revoke(token.id(), owner, at(2))))
                .isTrue();
        assertThat(check(r -> r.accessTokens().revoke(token.id(), owner, at(3))))
                .isFalse();
        assertThat(find(r -> r.accessTokens().findBySecretHash(token.secretHash()))
                        .flatMap(AccessToken::revokedAt))
                .contains(at(2));
    }

    @Test
    void revokeAll_revokesEveryLiveTokenOfThePrincipal() {
        String owner = AccountId.random().value();
        write(r -> {
            r.accessTokens().insert(token(owner, T0));
            r.accessTokens().insert(token(owner, at(1)));
        });

        int revoked = tx(r -> r.accessTokens().revokeAll(owner, at(9)));

        assertThat(revoked).isEqualTo(2);
        assertThat(list(r -> r.accessTokens().listFor(owner)))
                .allSatisfy(t -> assertThat(t.revokedAt()).contains(at(9)));
    }

    @Test
    void aSecondTokenWithTheSameHash_conflicts() {
        var token = token(AccountId.random().value(), T0);
        write(r -> r.accessTokens().insert(token));
        var clash = new AccessToken(
                TokenId.random(),
                token.secretHash(),
                token.principalId(),
                Role.AUDITOR,
                Optional.empty(),
                TokenKind.SESSION,
                T0,
                at(1),
                T0,
                Optional.empty());

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.accessTokens().insert(clash)));
    }

    private static AccessToken token(String principal, java.time.Instant created) {
        return new AccessToken(
                TokenId.random(),
                randomBytes(32),
                principal,
                Role.AUDITOR,
                Optional.empty(),
                TokenKind.SESSION,
                created,
                created.plusSeconds(3600),
                created,
                Optional.empty());
    }
}
