package org.svmsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.Bandwidth;
import org.svmsim.scenario.unit.ByteSize;
import org.svmsim.scenario.unit.SimDuration;

/** Turns Jackson's exceptions into one located line: source, field path, bad value, what was expected. */
final class JacksonErrors {
  private static final Pattern CREATOR_PROPERTY =
      Pattern.compile("(Missing required|Null value for) creator property '([^']+)'");

  private JacksonErrors() {}

  /** A syntax error while reading the text: where it is and what the parser says. */
  static ScenarioException syntax(String source, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    var nan = java.util.regex.Pattern.compile("Malformed numeric value '([^']*)'").matcher(what);
    if (nan.find() && e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p) {
      // YAML's .nan and .inf: name the field they were given for, not the parser's complaint.
      String field = fieldOf(p.getParsingContext());
      return new ScenarioException(source, field, where + "bad value \"" + nan.group(1)
          + "\": expected a finite number (NaN and infinities are not values of any field)");
    }
    return new ScenarioException(source, "", where + "syntax error: " + what.lines().findFirst().orElse("").strip());
  }

  /** The dotted path of the value the parser is at: {@code vms[0].workload.iops}. */
  private static String fieldOf(com.fasterxml.jackson.core.JsonStreamContext c) {
    List<String> steps = new ArrayList<>();
    for (; c != null && !c.inRoot(); c = c.getParent()) {
      steps.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
    }
    String path = String.join("", steps);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** A binding failure of {@code tree}; values that a flag set are blamed on the flag. */
  static ScenarioException binding(String source, JsonMappingException e, JsonNode tree, Map<TreePath, String> blame) {
    TreePath path = path(e);
    String detail;
    BadValueException bad = badValue(e);
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      u.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
      known.sort(null);
      detail = "unknown field (known fields: " + String.join(", ", known) + ")";
    } else if (bad != null) {
      if (!bad.field().isEmpty()) {
        path = new TreePath(concat(path, TreePath.parse(bad.field())));
      }
      JsonNode spelled = at(tree, path);
      detail = spelled.isValueNode() ? bad.detail(spelled.asText()) : bad.detail();
    } else if (e instanceof InvalidFormatException f) {
      detail = "bad value \"" + f.getValue() + "\": expected " + expected(f.getTargetType());
    } else if (e instanceof MismatchedInputException m && creatorProperty(m) != null) {
      String property = creatorProperty(m);
      if (path.steps().isEmpty() || !path.steps().get(path.steps().size() - 1).equals(property)) {
        path = path.field(property);
      }
      detail = "missing: this field is required";
    } else if (at(tree, path).isMissingNode() || at(tree, path).isNull()) {
      detail = "missing: this field is required";
    } else if (e instanceof MismatchedInputException m) {
      detail = "bad value " + shown(at(tree, path)) + ": expected " + expected(m.getTargetType());
    } else {
      detail = e.getOriginalMessage();
    }
    if (detail.startsWith("missing")) {
      detail += replaced(path, blame);
    }
    return new ScenarioException(blamed(source, path, blame), path.toString(), detail);
  }

  /** When a --set replaced a whole mapping, the field it dropped is missing because of that --set. */
  private static String replaced(TreePath missing, Map<TreePath, String> blame) {
    for (Map.Entry<TreePath, String> e : blame.entrySet()) {
      if (missing.startsWith(e.getKey()) && !missing.equals(e.getKey()) && e.getValue().startsWith("--set ")) {
        return "; that " + e.getValue().substring(0, 5) + " replaced all of " + e.getKey() + ", so its other fields"
            + " lost their defaults (set one field at a time, like --set " + missing + "=...)";
      }
    }
    return "";
  }

  private static TreePath path(JsonMappingException e) {
    List<Object> steps = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      steps.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
    }
    return new TreePath(steps);
  }

  private static List<Object> concat(TreePath a, TreePath b) {
    List<Object> all = new ArrayList<>(a.steps());
    all.addAll(b.steps());
    return all;
  }

  private static BadValueException badValue(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadValueException b) {
        return b;
      }
    }
    return null;
  }

  private static String creatorProperty(MismatchedInputException m) {
    Matcher matcher = CREATOR_PROPERTY.matcher(String.valueOf(m.getOriginalMessage()));
    return matcher.find() ? matcher.group(2) : null;
  }

  static String blamed(String source, TreePath path, Map<TreePath, String> blame) {
    for (Map.Entry<TreePath, String> e : blame.entrySet()) {
      if (path.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return source;
  }

  private static JsonNode at(JsonNode tree, TreePath path) {
    JsonNode n = tree;
    for (Object step : path.steps()) {
      n = step instanceof Integer i ? n.path(i) : n.path(step.toString());
    }
    return n;
  }

  private static String shown(JsonNode n) {
    if (n.isMissingNode()) {
      return "(none)";
    }
    return "\"" + (n.isValueNode() ? n.asText() : n.toString()) + "\"";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a single value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == ByteSize.class) {
      return "a size like 16GiB";
    }
    if (type == Bandwidth.class) {
      return "a rate like 200MB/s";
    }
    if (type == SimDuration.class) {
      return "a duration like 27m51s";
    }
    if (type == Instant.class) {
      return "an ISO-8601 UTC instant like 2016-05-19T12:41:00Z";
    }
    return type.isRecord() ? "a mapping of fields" : "a " + type.getSimpleName();
  }
}
