package org.svmsim.run;

import java.util.Locale;

/**
 * How a run records its events: {@code plain} writes {@code events.jsonl}, {@code gzip} writes
 * {@code events.jsonl.gz} (the same lines, compressed at deflate's fastest level), {@code none} writes no
 * events file (the run is then not replayable; the logs and summary are the same).
 */
public enum EventsFormat {
  PLAIN("events.jsonl"), GZIP("events.jsonl.gz"), NONE(null);

  private final String fileName;

  EventsFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The file the events go to, or null for {@link #NONE}. */
  public String fileName() {
    return fileName;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
