package org.svmsim.kernel.sim;

import java.time.Duration;

/** Virtual time is a {@code long} count of nanoseconds since the run's start; never {@code double} seconds. */
public final class VirtualTime {
  public static final long MICROSECOND = 1_000L;
  public static final long MILLISECOND = 1_000_000L;
  public static final long SECOND = 1_000_000_000L;
  public static final long MINUTE = 60 * SECOND;
  /** Above this, {@code rem * SECOND} in {@link #transfer} could overflow. */
  public static final long MAX_BANDWIDTH = 8_000_000_000L;

  private VirtualTime() {}

  public static long of(Duration d) {
    return d.toNanos();
  }

  public static long millis(long ms) {
    return ms * MILLISECOND;
  }

  public static long seconds(long s) {
    return s * SECOND;
  }

  /** Nanoseconds needed to move {@code bytes} at {@code bytesPerSecond}, rounded up. */
  public static long transfer(long bytes, long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bandwidth must be positive, was " + bytesPerSecond);
    }
    if (bytesPerSecond > MAX_BANDWIDTH) {
      throw new IllegalArgumentException("bandwidth above 8 GB/s is not modelled: " + bytesPerSecond);
    }
    long whole = bytes / bytesPerSecond;
    long rem = bytes % bytesPerSecond;
    return Math.addExact(Math.multiplyExact(whole, SECOND),
        (rem * SECOND + bytesPerSecond - 1) / bytesPerSecond);
  }

  /** {@code +1h02m03.004005006s}-style rendering for diagnostics. */
  public static String format(long nanos) {
    long s = nanos / SECOND;
    long frac = nanos % SECOND;
    return String.format("+%dh%02dm%02d.%09ds", s / 3600, (s / 60) % 60, s % 60, frac);
  }
}
