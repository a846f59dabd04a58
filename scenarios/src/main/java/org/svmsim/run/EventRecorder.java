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
  /** Lines are gathered here and written (and digested) a block at a time. */
  private static final int BLOCK = 1 << 16;
  private final EventLines lines = new EventLines();
  private final byte[] block = new byte[BLOCK];
  private int filled;
  private final OutputStream out;
  private final Checksum digest = new CRC32C();
  private long bytes;
  private long count;

  /** {@code out} may be null: the events are counted, not written. */
  EventRecorder(OutputStream out, EventsHeader header) {
    this.out = out;
    if (out != null) {
      byte[] h = write(header).getBytes(StandardCharsets.UTF_8);
      line(h, h.length);
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
      lines.encode(timeNanos, event);
      line(lines.bytes(), lines.length());
    }
  }

  /** Writes the trailer; call once, after the run. */
  void finish() {
    if (out != null) {
      flush();
      String trailer = write(new EventsTrailer(true, count, bytes, hex(digest)));
      try {
        out.write(trailer.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void line(byte[] line, int length) {
    if (filled + length + 1 > BLOCK) {
      flush();
      if (length + 1 > BLOCK) { // a line longer than a block: straight through
        digest.update(line, 0, length);
        digest.update('\n');
        write(line, length);
        write(new byte[] {'\n'}, 1);
        bytes += length + 1;
        return;
      }
    }
    System.arraycopy(line, 0, block, filled, length);
    filled += length;
    block[filled++] = '\n';
    bytes += length + 1;
  }

  private void flush() {
    if (filled > 0) {
      digest.update(block, 0, filled);
      write(block, filled);
      filled = 0;
    }
  }

  private void write(byte[] b, int length) {
    try {
      out.write(b, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long count() {
    return count;
  }
}
