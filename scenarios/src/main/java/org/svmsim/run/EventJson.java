package org.svmsim.run;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    long t = obj.remove("t").asLong();
    return new Timed(t, mapper.treeToValue(obj, Event.class));
  }
}
