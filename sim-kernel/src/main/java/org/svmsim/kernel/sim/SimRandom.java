package org.svmsim.kernel.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The run's only source of randomness. One seed; each component takes its own stream by name, so adding a
 * component (or a draw in one) does not shift the others' streams.
 */
public final class SimRandom {
  private final long seed;
  private final SplittableRandom random;

  public SimRandom(long seed) {
    this(seed, new SplittableRandom(seed));
  }

  private SimRandom(long seed, SplittableRandom random) {
    this.seed = seed;
    this.random = random;
  }

  public long seed() {
    return seed;
  }

  /** An independent stream for {@code component}, a pure function of the seed and the name. */
  public SimRandom split(String component) {
    long h = 0xcbf29ce484222325L;
    for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001b3L;
    }
    long child = new SplittableRandom(seed ^ h).nextLong();
    return new SimRandom(child, new SplittableRandom(child));
  }

  public long nextLong() {
    return random.nextLong();
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in [origin, bound). */
  public long nextLong(long origin, long bound) {
    return random.nextLong(origin, bound);
  }

  public double nextDouble() {
    return random.nextDouble();
  }

  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Exponentially distributed interval with the given mean, in nanoseconds, at least 1. */
  public long exponential(long meanNanos) {
    double u = 1.0 - random.nextDouble();
    return Math.max(1L, (long) (-Math.log(u) * meanNanos));
  }
}
