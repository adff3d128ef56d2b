package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Identifiers;
import dev.custody.keys.Passphrases;
import dev.custody.keys.SecretBytes;
import dev.custody.store.JobLock;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the very first start of an installation makes, once, and shows once: the first operator
 * account (a generated password and its TOTP enrolment), which runs the platform from then on, and
 * the bootstrap token, for setting up before anyone has signed in; an operator retires that token
 * when done with it ({@link BootstrapToken#retire}).
 */
public record FirstStart(String bootstrapToken, Username operator, String operatorPassword, String totpEnrolment) {
    public FirstStart {
        requireNonNull(bootstrapToken, "bootstrapToken is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(operatorPassword, "operatorPassword is null");
        requireNonNull(totpEnrolment, "totpEnrolment is null");
    }

    /**
     * On a fresh database, makes the first operator account and issues the bootstrap token; empty
     * on every later start. The account comes first: if the start fails between the two, the next
     * start makes another operator under a fresh name rather than leaving no way in.
     *
     * <p>Nodes that start at once on one fresh database make one first start between them: it runs
     * under the {@code lock}, and a node that finds it taken makes nothing (the node holding it
     * shows the token). Without the lock, each would make an operator, and all but one of those
     * would have a password nobody was shown.
     */
    public static Optional<FirstStart> runOnce(BootstrapToken bootstrap, AccountService accounts, JobLock lock) {
        requireNonNull(bootstrap, "bootstrap is null");
        requireNonNull(accounts, "accounts is null");
        requireNonNull(lock, "lock is null");
        AtomicReference<FirstStart> made = new AtomicReference<>();
        lock.runIfFree("first-start", () -> makeIfFresh(bootstrap, accounts).ifPresent(made::set));
        return Optional.ofNullable(made.get());
    }

    private static Optional<FirstStart> makeIfFresh(BootstrapToken bootstrap, AccountService accounts) {
        if (bootstrap.wasIssued()) {
            return Optional.empty();
        }
        String password;
        try (SecretBytes generated = Passphrases.generate()) {
            password = new String(generated.toArray(), StandardCharsets.US_ASCII);
        }
        CreatedAccount created = createOperator(accounts, password);
        return bootstrap
                .issueOnce()
                .map(token -> new FirstStart(
                        token,
                        created.account().username(),
                        password,
                        created.totpEnrolment().orElseThrow()));
    }

    private static CreatedAccount createOperator(AccountService accounts, String password) {
        try {
            return accounts.create(Principal.bootstrapAdmin(), operator(new Username("operator"), password));
        } catch (CustodyException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            var fresh = new Username("operator-" + Identifiers.random("op").substring(3, 11));
            return accounts.create(Principal.bootstrapAdmin(), operator(fresh, password));
        }
    }

    private static NewAccount operator(Username username, String password) {
        return new NewAccount(username, password, Role.OPERATOR, Optional.empty());
    }

    @Override
    public String toString() {
        return "FirstStart[" + operator + "]";
    }
}
