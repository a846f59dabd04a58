package org.svmsim.kernel.sim;

/** Stops a run: names the seed and the virtual time at which the simulation broke. */
public final class SimulationException extends RuntimeException {
  private final long seed;
  private final long timeNanos;

  public SimulationException(long seed, long timeNanos, String message, Throwable cause) {
    super("seed " + seed + ", virtual time " + VirtualTime.format(timeNanos) + ": " + message, cause);
    this.seed = seed;
    this.timeNanos = timeNanos;
  }

  public long seed() {
    return seed;
  }

  public long timeNanos() {
    return timeNanos;
  }
}
