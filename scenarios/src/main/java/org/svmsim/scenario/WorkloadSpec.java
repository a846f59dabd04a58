package org.svmsim.scenario;

import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;

/**
 * The guest's I/O: {@code iops} (Poisson arrivals), the share of reads, the I/O size, and where I/Os land.
 * With {@code hotset}, {@code hotProbability} of them land in the first {@code hotFraction} of the disk.
 * {@code outstanding} is the most I/Os the guest has in flight (its adapter's queue depth): when they are
 * all in flight, the next I/O waits for a completion.
 */
public record WorkloadSpec(double iops, double readRatio, ByteSize ioSize, String locality, double hotFraction,
    double hotProbability, int outstanding) {
  /** The paravirtual SCSI adapter's queue depth with its largest ring (32 pages). */
  public static final int MAX_OUTSTANDING = 1024;

  public WorkloadSpec {
    if (!(iops >= 0) || Double.isInfinite(iops)) {
      throw new BadValueException("iops", iops, "must be a number of I/Os per second, 0 or more");
    }
    Check.within("readRatio", readRatio, 0, 1);
    Check.atMost("iops", (long) Math.min(iops, Long.MAX_VALUE), 1_000_000, "a million I/Os per second");
    Check.sectors("ioSize", ioSize);
    Check.atMost("ioSize", ioSize, ByteSize.parse("32MiB"), "a guest's largest I/O");
    Check.oneOf("locality", locality, "uniform", "hotset", "sequential");
    if (!(hotFraction > 0 && hotFraction <= 1)) {
      throw new BadValueException("hotFraction", hotFraction, "must be above 0 and at most 1");
    }
    Check.within("hotProbability", hotProbability, 0, 1);
    if (outstanding < 1 || outstanding > MAX_OUTSTANDING) {
      throw new BadValueException("outstanding", outstanding,
          "must be within 1.." + MAX_OUTSTANDING + " I/Os in flight (the adapter's queue depth)");
    }
  }
}
