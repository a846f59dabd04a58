package org.svmsim.vmx.guest;

import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.WorkloadConfig;

/**
 * The guest's I/O stream: Poisson arrivals at the configured rate, reads and writes in the configured
 * mix, placed uniformly, in a hot set, or sequentially. Pure: it draws from its own random stream and
 * knows no clock.
 */
public final class WorkloadGenerator {
  private final WorkloadConfig config;
  private final SimRandom random;
  private final long capacitySectors;
  private long sequentialNext;

  /** The next I/O the guest issues, {@code delayNanos} after the previous one. */
  public record NextIo(long delayNanos, boolean write, long lba, long sectors) {}

  public WorkloadGenerator(WorkloadConfig config, SimRandom random, long capacitySectors) {
    this.config = config;
    this.random = random;
    this.capacitySectors = capacitySectors;
  }

  /** False when the guest issues no I/O at all. */
  public boolean active() {
    return config.iops() > 0;
  }

  public NextIo next() {
    long delay = random.exponential((long) (VirtualTime.SECOND / config.iops()));
    boolean write = !random.chance(config.readRatio());
    long sectors = Math.min(config.ioSectors(), capacitySectors);
    long slots = capacitySectors / sectors;
    long slot = switch (config.locality()) {
      case UNIFORM -> random.nextLong(0, slots);
      case HOTSET -> {
        long hot = Math.max(1, (long) (slots * config.hotFraction()));
        yield random.chance(config.hotProbability()) || hot == slots
            ? random.nextLong(0, hot)
            : random.nextLong(hot, slots);
      }
      case SEQUENTIAL -> {
        long s = sequentialNext;
        sequentialNext = (sequentialNext + 1) % slots;
        yield s;
      }
    };
    return new NextIo(delay, write, slot * sectors, sectors);
  }
}
