package org.svmsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Merges a scenario tree over the defaults tree, as defaults.yaml explains at its top: mappings merge key
 * by key; a defaults list holding exactly one mapping is a template merged under every element of the
 * scenario's list; any other value (scalars, lists of scalars) is replaced wholesale.
 */
final class TreeMerge {
  private TreeMerge() {}

  /** A new tree; neither argument is modified. */
  static JsonNode merge(JsonNode defaults, JsonNode override) {
    if (override == null || override.isMissingNode()) {
      return defaults.deepCopy();
    }
    if (defaults.isObject() && override.isObject()) {
      return mergeObjects((ObjectNode) defaults, (ObjectNode) override);
    }
    if (isTemplate(defaults) && override.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      override.forEach(element -> out.add(merge(defaults.get(0), element)));
      return out;
    }
    return override.deepCopy();
  }

  /** A list of one mapping stands for "every element looks like this". */
  static boolean isTemplate(JsonNode node) {
    return node.isArray() && node.size() == 1 && node.get(0).isObject();
  }

  private static ObjectNode mergeObjects(ObjectNode defaults, ObjectNode override) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : defaults.properties()) {
      JsonNode mine = override.get(e.getKey());
      out.set(e.getKey(), mine == null ? absent(e.getValue()) : merge(e.getValue(), mine));
    }
    // Keys the defaults do not know pass through, so that binding reports them as unknown fields.
    for (Map.Entry<String, JsonNode> e : override.properties()) {
      if (!defaults.has(e.getKey())) {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return out;
  }

  /** What an absent key becomes: its default, except that a template alone makes no element. */
  private static JsonNode absent(JsonNode defaults) {
    return isTemplate(defaults) ? JsonNodeFactory.instance.arrayNode() : defaults.deepCopy();
  }
}
