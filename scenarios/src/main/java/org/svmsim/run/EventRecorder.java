package org.svmsim.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;

/**
 * Writes every dispatched event to the events file, one JSON object a line, as it is dispatched, between
 * a header ({@link EventsHeader}) and a trailer ({@link EventsTrailer}) holding the count and digest. With
 * no writer (events off), it only counts.
 */
final class EventRecorder implements Observer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final EventJson json = new EventJson();
  private final Writer out;
  private final MessageDigest digest;
  private long count;

  /** {@code out} may be null: the events are counted, not written. */
  EventRecorder(Writer out, EventsHeader header) {
    this.out = out;
    this.digest = out == null ? null : sha256();
    if (out != null) {
      line(write(header));
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
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
      line(json.write(timeNanos, event));
    }
  }

  /** Writes the trailer; call once, after the run. */
  void finish() {
    if (out != null) {
      String trailer = write(new EventsTrailer(true, count, HexFormat.of().formatHex(digest.digest())));
      try {
        out.write(trailer);
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void line(String text) {
    try {
      out.write(text);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  long count() {
    return count;
  }
}
