package org.svmsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link Overrides} to a resolved (defaults-merged) tree, in place. Returns which flag set which
 * path, so that a value a flag set and binding then rejects is blamed on the flag, not on the file.
 */
final class TreeEdits {
  private TreeEdits() {}

  static Map<TreePath, String> apply(ObjectNode root, Overrides o) {
    Map<TreePath, String> blame = new LinkedHashMap<>();
    o.seed().ifPresent(seed -> {
      root.put("seed", seed);
      blame.put(TreePath.parse("seed"), "--seed");
    });
    o.method().ifPresent(method -> {
      JsonNode timeline = root.path("timeline");
      for (int i = 0; i < timeline.size(); i++) {
        if (timeline.get(i).path("action").asText().equals("relocate") && timeline.get(i).isObject()) {
          ((ObjectNode) timeline.get(i)).put("method", method);
          blame.put(new TreePath(List.of("timeline", i, "method")), "--method " + method);
        }
      }
    });
    for (String fault : o.faults()) {
      ArrayNode faults = root.withArray("faults");
      blame.put(new TreePath(List.of("faults", faults.size())), "--fault " + fault);
      faults.add(fault(fault));
    }
    for (String assignment : o.sets()) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ScenarioException("--set " + assignment, "", "expected path=value, like vms[0].workload.iops=50");
      }
      String rawPath = assignment.substring(0, eq);
      TreePath path;
      try {
        path = TreePath.parse(rawPath);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException("--set " + assignment, "", e.getMessage());
      }
      // An assignment of thousands of characters is named by its start and length.
      String label = "--set " + (assignment.length() <= 160 ? assignment
          : assignment.substring(0, 100) + "... (" + assignment.length() + " characters)");
      set(root, path, assignment.substring(eq + 1), label);
      blame.put(path, label);
    }
    return blame;
  }

  /** {@code KIND[:MODE]@WHEN} as a faults entry; its fields are checked when the scenario is bound. */
  private static ObjectNode fault(String spelled) {
    int atSign = spelled.lastIndexOf('@');
    if (atSign <= 0 || atSign == spelled.length() - 1) {
      throw new ScenarioException("--fault " + spelled, "",
          "expected KIND[:MODE]@WHEN, like dest-write-error:persistent@40%, cancel@10m or host-crash@phase9");
    }
    String kind = spelled.substring(0, atSign);
    int colon = kind.indexOf(':');
    ObjectNode f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    f.put("kind", colon < 0 ? kind : kind.substring(0, colon));
    f.put("at", spelled.substring(atSign + 1));
    f.put("mode", colon < 0 ? "" : kind.substring(colon + 1));
    f.put("vm", "");
    return f;
  }

  private static void set(ObjectNode root, TreePath path, String raw, String source) {
    JsonNode parent = root;
    for (int i = 0; i < path.steps().size(); i++) {
      Object step = path.steps().get(i);
      JsonNode child = child(parent, step);
      if (child == null) {
        throw new ScenarioException(source, path.toString(), "unknown path: " + why(parent, path.prefix(i), step));
      }
      if (i == path.steps().size() - 1) {
        JsonNode value = parse(raw, child);
        if (parent instanceof ArrayNode a) {
          a.set((Integer) step, value);
        } else {
          ((ObjectNode) parent).set(step.toString(), value);
        }
      }
      parent = child;
    }
  }

  private static JsonNode child(JsonNode parent, Object step) {
    if (parent.isArray() && step instanceof Integer i) {
      return i < parent.size() ? parent.get(i) : null;
    }
    return parent.isObject() ? parent.get(step.toString()) : null;
  }

  private static String why(JsonNode parent, TreePath at, Object step) {
    String where = at.steps().isEmpty() ? "the scenario" : at.toString();
    if (parent.isArray()) {
      return where + " has " + parent.size() + " element(s), no " + step;
    }
    if (parent.isObject()) {
      return where + " has no field " + step + " (fields: " + String.join(", ", fieldNames(parent)) + ")";
    }
    return where + " is a single value, not a mapping or a list";
  }

  private static Iterable<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A YAML scalar keeps its type (50 stays a number, 16GiB a string); a flow list may replace a list. */
  private static JsonNode parse(String raw, JsonNode current) {
    if (raw.isEmpty()) {
      return TextNode.valueOf("");
    }
    try {
      JsonNode value = Mappers.yaml().readTree(raw);
      if (value == null || value.isMissingNode() || (value.isContainerNode() && !current.isContainerNode())) {
        return TextNode.valueOf(raw);
      }
      return value;
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(raw);
    }
  }
}
