package id.pasar;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies for web slices: a valid body written once as JSON text, and the same
 * body with one field changed, so that each test says only what it breaks.
 */
public final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBody() {
    }

    /**
     * {@code body} with the field at {@code path} set to {@code value}, or removed when
     * the value is null. The path is dotted; a number picks an array element:
     * {@code items.0.quantity}.
     */
    public static String with(String body, String path, Object value) {
        JsonNode root = JSON.readTree(body);
        String[] steps = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        JsonNode node = JSON.valueToTree(value);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), node);
        }
        else if (value == null) {
            ((ObjectNode) parent).remove(last);
        }
        else {
            ((ObjectNode) parent).set(last, node);
        }
        return JSON.writeValueAsString(root);
    }

}
