package org.svmsim.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.svmsim.scenario.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;

/**
 * Writes every dispatched event to the events file, one JSON object a line, as it is dispatched, between
 * a header ({@link EventsHeader}) and a trailer ({@link EventsTrailer}) holding the count and digest. With
 * no writer (events off), it only counts.
 */
final class EventRecorder implements Observer {
  private static final ObjectMapper MAPPER = Mappers.eventLines();
  private final EventJson json = new EventJson();
  private final OutputStream out;
  private final Checksum digest = new CRC32C();
  private long bytes;
  private long count;

  /** {@code out} may be null: the events are counted, not written. */
  EventRecorder(OutputStream out, EventsHeader header) {
    this.out = out;
    if (out != null) {
      line(write(header).getBytes(StandardCharsets.UTF_8));
    }
  }

  static String hex(Checksum c) {
    return String.format(java.util.Locale.ROOT, "%08x", c.getValue());
  }

  static String write(Object headerOrTrailer) {
    try {
      return MAPPER.writeValueAsString(headerOrTrailer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void onEvent(long timeNanos, Event event) {
    count++;
    if (out != null) {
      line(json.writeBytes(timeNanos, event));
    }
  }

  /** Writes the trailer; call once, after the run. */
  void finish() {
    if (out != null) {
      String trailer = write(new EventsTrailer(true, count, bytes, hex(digest)));
      try {
        out.write(trailer.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void line(byte[] line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    digest.update(line);
    digest.update('\n');
    bytes += line.length + 1;
  }

  long count() {
    return count;
  }
}
