package dev.custody.server;

import static java.util.Objects.requireNonNull;

/** The JSON body of every error response: a stable code and a message for people. */
record ErrorBody(String code, String message) {
    ErrorBody {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }
}
