package dev.tally.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * JSON trees ({@link JsonNode}) read and written with Jackson's streaming parser and generator alone: the same
 * trees, the same texts and the same parse errors as Jackson's {@code ObjectMapper} configured as this project's
 * files and answers need, without the {@code ObjectMapper} itself, whose class initialisation alone (a
 * {@code SimpleDateFormat}, hence a {@code Calendar} and every locale's calendar data) costs a command-line start
 * tens of milliseconds. Duplicate keys are always refused. Thread-safe; holds no state.
 */
public final class JsonTrees {
    /** How a number with a fraction or an exponent is read. */
    public enum Decimals {
        /** As {@link java.math.BigDecimal} with the scale that was sent ({@code 1.50} stays {@code 1.50}). */
        EXACT,
        /** As {@code double}, Jackson's default. */
        DOUBLE
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** A new, empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A parser of {@code bytes} (UTF-8 or as the text says) that refuses duplicate keys. */
    public static JsonParser parser(byte[] bytes) throws IOException {
        return FACTORY.createParser(bytes);
    }

    /**
     * The whole of {@code bytes} as one tree: {@link MissingNode} when there is no value at all. With
     * {@code refuseTrailing}, anything but white space after the value is a parse error (a
     * {@link com.fasterxml.jackson.core.JsonProcessingException}); without it, what follows is not read.
     */
    public static JsonNode read(byte[] bytes, Decimals decimals, boolean refuseTrailing) throws IOException {
        try (JsonParser p = parser(bytes)) {
            JsonNode node = readValue(p, decimals);
            if (refuseTrailing && !node.isMissingNode()) {
                JsonToken t = p.nextToken();
                if (t != null) {
                    throw new JsonParseException(p, "Trailing token (of type " + t + ") found after value: not allowed");
                }
            }
            return node;
        }
    }

    /** The same for a text. */
    public static JsonNode read(String text, Decimals decimals, boolean refuseTrailing) throws IOException {
        return read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), decimals, refuseTrailing);
    }

    /**
     * The next value of {@code p} as a tree, {@link MissingNode} at the end of the input; leaves the parser on the
     * value's last token, so the caller can look at what follows.
     */
    public static JsonNode readValue(JsonParser p, Decimals decimals) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return MissingNode.getInstance();
        }
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return scalar(p, t, decimals);
        }
        // iterative, so a deeply nested answer cannot exhaust the stack (the parser limits the depth too)
        Deque<JsonNode> open = new ArrayDeque<>();
        JsonNode root = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        open.push(root);
        String field = null;
        while (!open.isEmpty()) {
            t = p.nextToken();
            if (t == null) {
                // the parser reports an unclosed value itself; this is only a guard
                throw new JsonParseException(p, "Unexpected end-of-input");
            }
            JsonNode parent = open.peek();
            switch (t) {
                case FIELD_NAME -> field = p.currentName();
                case END_OBJECT, END_ARRAY -> open.pop();
                default -> {
                    JsonNode value = switch (t) {
                        case START_OBJECT -> NODES.objectNode();
                        case START_ARRAY -> NODES.arrayNode();
                        default -> scalar(p, t, decimals);
                    };
                    if (parent instanceof ObjectNode o) {
                        o.replace(field, value);
                    } else {
                        ((ArrayNode) parent).add(value);
                    }
                    if (value.isContainerNode()) {
                        open.push(value);
                    }
                }
            }
        }
        return root;
    }

    private static JsonNode scalar(JsonParser p, JsonToken t, Decimals decimals) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> decimals == Decimals.EXACT || p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                    ? NODES.numberNode(p.getDecimalValue())
                    : NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "Unexpected token (" + t + ")");
        };
    }

    /** {@code node} as Jackson's default pretty printer writes it ({@code "key" : value}, two-space indents), UTF-8. */
    public static byte[] prettyBytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same as a text. */
    public static String pretty(JsonNode node) {
        return write(node, true);
    }

    /** {@code node} on one line without spaces, as Jackson writes it by default. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    private static String write(JsonNode node, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
