package org.svmsim.cli;

/**
 * The machine refused something svmsim needed (an unwritable or full output location, a name the
 * filesystem rejects): exit code 3, one line with the path and the operating system's reason.
 */
public final class EnvironmentError extends RuntimeException {
  public EnvironmentError(String message, Throwable cause) {
    super(message, cause);
  }
}
