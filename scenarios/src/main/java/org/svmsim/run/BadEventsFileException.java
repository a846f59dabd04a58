package org.svmsim.run;

/** An events.jsonl that is not one svmsim wrote: a user error, reported in one line with file and line. */
public final class BadEventsFileException extends RuntimeException {
  public BadEventsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
