package dev.custody.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.custody.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP server's own error responses (a request it cannot parse: a NUL or a line break in the
 * path, a header too large, an ambiguous URI) in the JSON shape of every other error, {@code {code,
 * message}}, instead of Jetty's HTML page. The message is a fixed text per status: never the
 * parser's, which may echo request bytes.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final JsonMapper MAPPER = new JsonMapper();

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    static byte[] body(int status) {
        try {
            return MAPPER.writeValueAsString(errorBody(status)).getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("error body could not be serialized", e);
        }
    }

    private static ErrorBody errorBody(int status) {
        return switch (status) {
            case 404 -> new ErrorBody(ErrorCode.NOT_FOUND.name(), "no such route");
            case 413 -> new ErrorBody(ErrorCode.PAYLOAD_TOO_LARGE.name(), "request body is larger than 1 MiB");
            case 431 -> new ErrorBody(ErrorCode.INVALID_INPUT.name(), "request headers are too large");
            default ->
                // 505: a line break in the path leaves the rest of the line where the version goes.
                status >= 500 && status != 505
                        ? new ErrorBody(ErrorCode.INTERNAL.name(), "internal error")
                        : new ErrorBody(ErrorCode.INVALID_INPUT.name(), "malformed request (HTTP " + status + ")");
        };
    }
}
