package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.BootstrapToken;
import dev.custody.access.Principal;
import io.javalin.http.Context;

/** Establishes the caller from the bearer token, on the server, for every API request. */
final class Authentication {
    private static final String PRINCIPAL = "custody.principal";
    private final BootstrapToken tokens;

    Authentication(BootstrapToken tokens) {
        this.tokens = tokens;
    }

    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new CustodyException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        var principal = tokens.authenticate(header.substring("Bearer ".length()).strip());
        // Every ledger entry a request causes carries its id, echoed so clients can correlate.
        String requestId = Principal.newRequestId();
        ctx.header("X-Request-Id", requestId);
        ctx.attribute(PRINCIPAL, principal.inRequest(requestId));
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            // Fail closed: a route reached without authentication must not act for anyone.
            throw new CustodyException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        return principal;
    }
}
