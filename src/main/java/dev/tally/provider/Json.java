package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.FetchException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading provider JSON exactly. Floats are read as {@link BigDecimal} with the scale that was sent;
 * money fields are accepted as JSON strings or numbers; anything missing, null or unparseable is a
 * {@code bad_response} that names the field — never a zero.
 */
public final class Json {
    /**
     * A whole answer as a tree: exact decimals, duplicate keys and anything after the value refused
     * ({@link JsonTrees}, without Jackson's {@code ObjectMapper}).
     */
    public static JsonNode read(byte[] body) throws java.io.IOException {
        return JsonTrees.read(body, JsonTrees.Decimals.EXACT, true);
    }

    /**
     * At most this many digits before and after the decimal point. Far beyond any balance, yet it keeps
     * {@code 1e999999999} (a few bytes that print as a gigabyte of digits) out of every later step.
     */
    static final int MAX_DIGITS = 30;
    /** Longer money strings are refused before they are parsed at all. */
    private static final int MAX_TEXT = 100;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

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
            throw FetchException.badResponse(FetchPhrase.FIELD_MISSING.text(where, field));
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
        return decimal(n, FetchPhrase.FIELD.text(where, field), redactor);
    }

    /**
     * A JSON string or number as an exact decimal, with the same limits for both: at most
     * {@value #MAX_DIGITS} digits before and after the decimal point.
     */
    public static BigDecimal decimal(JsonNode n, Object what, Redactor redactor) throws FetchException {
        BigDecimal value;
        String sent;
        if (n.isNumber()) {
            sent = n.asText();
            value = n.isFloatingPointNumber() && !n.isBigDecimal() ? new BigDecimal(sent) : n.decimalValue();
        } else if (n.isTextual()) {
            sent = n.asText().strip();
            if (sent.length() > MAX_TEXT) {
                throw FetchException.badResponse(FetchPhrase.AMOUNT_LONG_TEXT.text(what, sent.length(), redactor.quote(sent)));
            }
            if (!DECIMAL.matcher(sent).matches()) {
                throw FetchException.badResponse(FetchPhrase.NOT_A_NUMBER.text(what, redactor.quote(sent)));
            }
            try {
                value = new BigDecimal(sent.startsWith("+") ? sent.substring(1) : sent);
            } catch (NumberFormatException e) {
                // only an exponent beyond the int range gets here
                throw FetchException.badResponse(FetchPhrase.AMOUNT_EXPONENT.text(what, redactor.quote(sent)));
            }
        } else {
            throw FetchException.badResponse(FetchPhrase.NOT_A_NUMBER_TYPE.text(what,
                    n.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return plausible(value, sent, what, redactor);
    }

    /** The one size rule for money from strings and numbers alike. */
    private static BigDecimal plausible(BigDecimal v, String sent, Object what, Redactor redactor)
            throws FetchException {
        long integerDigits = (long) v.precision() - v.scale();
        if (integerDigits > MAX_DIGITS) {
            throw FetchException.badResponse(FetchPhrase.AMOUNT_INTEGER_DIGITS.text(what, redactor.quote(sent),
                    integerDigits, MAX_DIGITS));
        }
        if (v.scale() > MAX_DIGITS) {
            throw FetchException.badResponse(FetchPhrase.AMOUNT_FRACTION_DIGITS.text(what, redactor.quote(sent),
                    v.scale(), MAX_DIGITS));
        }
        return v;
    }

    /** The required object {@code parent.field}. */
    public static JsonNode object(JsonNode parent, String field, String where) throws FetchException {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || !n.isObject()) {
            throw FetchException.badResponse(n == null || n.isNull() ? FetchPhrase.FIELD_MISSING.text(where, field)
                    : FetchPhrase.FIELD_NOT_OBJECT.text(where, field));
        }
        return n;
    }

    /** The required array {@code parent.field}. */
    public static JsonNode array(JsonNode parent, String field, String where) throws FetchException {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || !n.isArray()) {
            throw FetchException.badResponse(n == null || n.isNull() ? FetchPhrase.FIELD_MISSING.text(where, field)
                    : FetchPhrase.FIELD_NOT_LIST.text(where, field));
        }
        return n;
    }

    /** The root must be a JSON object. */
    public static JsonNode rootObject(JsonNode root, String where) throws FetchException {
        if (root == null || !root.isObject()) {
            throw FetchException.badResponse(FetchPhrase.NOT_OBJECT.text(where));
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
            throw FetchException.badResponse(FetchPhrase.FIELD_NOT_BOOLEAN.text(where, field));
        }
        return n.booleanValue();
    }
}
