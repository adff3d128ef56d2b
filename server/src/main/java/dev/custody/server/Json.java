package dev.custody.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly (bounded size, no unknown fields, no coercion between types: {@code
 * {"name":123}} is not the text "123", {@code 1.5} is not a whole number) and writes JSON
 * responses. A body that does not fit names the field that does not.
 */
final class Json {
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                    LogicalType.Textual,
                    text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
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
        } catch (JsonMappingException e) {
            throw CustodyException.invalidInput(mismatch(e));
        } catch (JacksonException e) {
            throw CustodyException.invalidInput("request body is not valid JSON for this request");
        } catch (IOException e) {
            throw CustodyException.invalidInput("request body could not be read");
        }
    }

    /** Which field of the body does not fit, without echoing its value. */
    private static String mismatch(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (field.isEmpty()) {
            return "request body is not valid JSON for this request";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "request body has an unknown field '" + field + "'";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "field '" + field + "' must be " + expected(mismatched.getTargetType());
        }
        return "field '" + field + "' is not valid for this request";
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of the names this field accepts";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "of another type";
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
