package dev.tally.provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tally.core.FetchException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reading provider JSON exactly. Floats are read as {@link BigDecimal} with the scale that was sent;
 * money fields are accepted as JSON strings or numbers; anything missing, null or unparseable is a
 * {@code bad_response} that names the field — never a zero.
 */
public final class Json {
    /** Shared, thread-safe mapper: exact decimals, duplicate keys rejected. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private Json() {
    }

    /**
     * The required money field {@code parent.field}, as string or number. {@code where} names it in errors;
     * {@code redactor} cleans any value from the answer that an error message quotes.
     */
    public static BigDecimal money(JsonNode parent, String field, String where, Redactor redactor)
            throws FetchException {
        BigDecimal v = optionalMoney(parent, field, where, redactor);
        if (v == null) {
            throw FetchException.badResponse(where + ": field '" + field + "' is missing");
        }
        return v;
    }

    /** The optional money field, or {@code null} when absent or JSON null. */
    public static BigDecimal optionalMoney(JsonNode parent, String field, String where, Redactor redactor)
            throws FetchException {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        return decimal(n, where + ": field '" + field + "'", redactor);
    }

    /** A JSON string or number as an exact decimal. */
    public static BigDecimal decimal(JsonNode n, String what, Redactor redactor) throws FetchException {
        if (n.isNumber()) {
            if (n.isFloatingPointNumber() && !n.isBigDecimal()) {
                return new BigDecimal(n.asText());
            }
            return n.decimalValue();
        }
        if (n.isTextual()) {
            String s = n.asText().strip();
            if (DECIMAL.matcher(s).matches()) {
                return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
            }
            throw FetchException.badResponse(what + " is not a number: " + redactor.quote(s));
        }
        throw FetchException.badResponse(what + " is not a number (got " + n.getNodeType().name().toLowerCase() + ")");
    }

    /** The required object {@code parent.field}. */
    public static JsonNode object(JsonNode parent, String field, String where) throws FetchException {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || !n.isObject()) {
            throw FetchException.badResponse(where + ": " + (n == null || n.isNull() ? "field '" + field + "' is missing"
                    : "field '" + field + "' is not an object"));
        }
        return n;
    }

    /** The required array {@code parent.field}. */
    public static JsonNode array(JsonNode parent, String field, String where) throws FetchException {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || !n.isArray()) {
            throw FetchException.badResponse(where + ": " + (n == null || n.isNull() ? "field '" + field + "' is missing"
                    : "field '" + field + "' is not a list"));
        }
        return n;
    }

    /** The root must be a JSON object. */
    public static JsonNode rootObject(JsonNode root, String where) throws FetchException {
        if (root == null || !root.isObject()) {
            throw FetchException.badResponse(where + ": expected a JSON object");
        }
        return root;
    }

    /** The optional string field, or {@code null}. */
    public static String optionalText(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    /** The optional boolean field, or {@code null} when absent; a non-boolean is a bad response. */
    public static Boolean optionalBoolean(JsonNode parent, String field, String where) throws FetchException {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw FetchException.badResponse(where + ": field '" + field + "' is not true/false");
        }
        return n.booleanValue();
    }
}
