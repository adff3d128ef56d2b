package dev.custody.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads request bodies strictly (bounded size, no unknown fields) and writes JSON responses. */
final class Json {
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(20)
                        .maxStringLength(100_000)
                        .build());
    }

    private Json() {}

    static <T> T read(Context ctx, Class<T> type) {
        try (InputStream body = ctx.bodyInputStream()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new CustodyException(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than 1 MiB");
            }
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw CustodyException.invalidInput("request body is empty");
            }
            return value;
        } catch (JacksonException e) {
            throw CustodyException.invalidInput("request body is not valid JSON for this request");
        } catch (IOException e) {
            throw CustodyException.invalidInput("request body could not be read");
        }
    }

    /** A generator writing JSON to {@code out}, which closing the generator leaves open. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    static void write(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
        } catch (JacksonException e) {
            throw new IllegalStateException("response could not be serialized", e);
        }
    }
}
