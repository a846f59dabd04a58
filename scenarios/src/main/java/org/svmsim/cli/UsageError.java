package org.svmsim.cli;

/** A user's mistake outside the scenario itself (an output directory in the way, a missing file): exit 2. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
