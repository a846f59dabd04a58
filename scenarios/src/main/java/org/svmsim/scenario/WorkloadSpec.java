package org.svmsim.scenario;

import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;

/**
 * The guest's I/O: {@code iops} (Poisson arrivals), the share of reads, the I/O size, and where I/Os land.
 * With {@code hotset}, {@code hotProbability} of them land in the first {@code hotFraction} of the disk.
 */
public record WorkloadSpec(double iops, double readRatio, ByteSize ioSize, String locality, double hotFraction,
    double hotProbability) {
  public WorkloadSpec {
    if (!(iops >= 0) || Double.isInfinite(iops)) {
      throw new BadValueException("iops", iops, "must be a number of I/Os per second, 0 or more");
    }
    Check.within("readRatio", readRatio, 0, 1);
    Check.sectors("ioSize", ioSize);
    Check.oneOf("locality", locality, "uniform", "hotset", "sequential");
    if (!(hotFraction > 0 && hotFraction <= 1)) {
      throw new BadValueException("hotFraction", hotFraction, "must be above 0 and at most 1");
    }
    Check.within("hotProbability", hotProbability, 0, 1);
  }
}
