package org.svmsim.run;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.Event;
import org.svmsim.scenario.Mappers;

/**
 * One line of {@code events.jsonl}: {@code {"t":<virtual ns>,"type":"Kernel.SvmDeviceCreated",...}}. The
 * type names come from the sealed event interfaces, so the format knows every event without a list.
 */
public final class EventJson {
  private static final List<Class<?>> FAMILIES =
      List.of(RunEvent.class, KernelEvent.class, VmxEvent.class, AgentEvent.class);
  private final ObjectMapper mapper = Mappers.eventLines();
  private final ObjectWriter writer;

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  private interface TypeInfo {}

  /** A recorded event and its virtual time. */
  public record Timed(long timeNanos, Event event) {}

  public EventJson() {
    mapper.addMixIn(Event.class, TypeInfo.class);
    for (Class<?> family : FAMILIES) {
      String prefix = family.getSimpleName().replaceFirst("Event$", "");
      for (Class<?> type : family.getPermittedSubclasses()) {
        mapper.registerSubtypes(new NamedType(type, prefix + "." + type.getSimpleName()));
      }
    }
    writer = mapper.writerFor(Event.class);
  }

  /**
   * The event's line as UTF-8 bytes without its newline, {@code "t"} first: the event's own object with
   * {@code {"t":N,} spliced over its opening brace. The same bytes as {@link #write}, encoded once.
   */
  public byte[] writeBytes(long timeNanos, Event event) {
    try {
      byte[] fields = writer.writeValueAsBytes(event);
      byte[] head = ("{\"t\":" + timeNanos + ",").getBytes(StandardCharsets.US_ASCII);
      byte[] line = new byte[head.length + fields.length - 1];
      System.arraycopy(head, 0, line, 0, head.length);
      System.arraycopy(fields, 1, line, head.length, fields.length - 1);
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event's line, {@code "t"} first: spliced in front of the event's own object, one pass. */
  public String write(long timeNanos, Event event) {
    try {
      String fields = writer.writeValueAsString(event);
      return "{\"t\":" + timeNanos + "," + fields.substring(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Timed read(String line) throws IOException {
    JsonNode node = mapper.readTree(line);
    if (!(node instanceof ObjectNode obj) || !obj.has("t") || !obj.has("type")) {
      throw new IOException("not an event line (needs \"t\" and \"type\")");
    }
    JsonNode t = obj.remove("t");
    if (!t.isIntegralNumber() || !t.canConvertToLong() || t.asLong() < 0) {
      throw new IOException("field \"t\": bad value " + t + ": expected virtual nanoseconds, 0 or more");
    }
    return new Timed(t.asLong(), mapper.treeToValue(obj, Event.class));
  }

  /** Why a line could not be read, naming the field, never a Java class. */
  static String describe(Exception ex) {
    if (ex instanceof InvalidTypeIdException t) {
      return "unknown event type '" + t.getTypeId() + "'";
    }
    if (ex instanceof UnrecognizedPropertyException u) {
      return "unknown field \"" + u.getPropertyName() + "\"";
    }
    if (ex instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = m.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
      return "field \"" + field + "\": bad or missing value";
    }
    if (ex instanceof JsonMappingException) {
      return "a field is missing or has a bad value";
    }
    if (ex instanceof JsonProcessingException j) {
      String m = j.getOriginalMessage().lines().findFirst().orElse("unreadable");
      return "not JSON: " + m.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)", "$1");
    }
    String m = ex.getMessage();
    return m == null ? "unreadable" : m.lines().findFirst().orElse(m);
  }
}
