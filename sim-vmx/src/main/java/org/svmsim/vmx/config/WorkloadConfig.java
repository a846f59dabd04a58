package org.svmsim.vmx.config;

/**
 * The guest's I/O: {@code iops} I/Os per second (Poisson arrivals), {@code readRatio} of them reads,
 * each {@code ioSectors} long, placed by {@code locality}. For {@link Locality#HOTSET}, a share
 * {@code hotProbability} of I/Os land in the first {@code hotFraction} of the disk. At most
 * {@code outstanding} I/Os are in flight at once (the adapter's queue depth): the guest is closed-loop.
 */
public record WorkloadConfig(double iops, double readRatio, long ioSectors, Locality locality,
    double hotFraction, double hotProbability, int outstanding) {
  /** The paravirtual SCSI adapter's default queue depth. */
  public static final int DEFAULT_OUTSTANDING = 32;

  /** Where the guest's I/Os land. */
  public enum Locality { UNIFORM, HOTSET, SEQUENTIAL }

  /** The same workload at another rate (a VM's rate shared among its disks). */
  public WorkloadConfig withIops(double rate) {
    return new WorkloadConfig(rate, readRatio, ioSectors, locality, hotFraction, hotProbability, outstanding);
  }

  /** A workload with the default queue depth. */
  public WorkloadConfig(double iops, double readRatio, long ioSectors, Locality locality, double hotFraction,
      double hotProbability) {
    this(iops, readRatio, ioSectors, locality, hotFraction, hotProbability, DEFAULT_OUTSTANDING);
  }

  public WorkloadConfig {
    if (iops < 0) {
      throw new IllegalArgumentException("workload.iops must not be negative, was " + iops);
    }
    if (readRatio < 0 || readRatio > 1) {
      throw new IllegalArgumentException("workload.readRatio must be within 0..1, was " + readRatio);
    }
    if (ioSectors < 1) {
      throw new IllegalArgumentException("workload.ioSize must be at least one sector");
    }
    if (hotFraction <= 0 || hotFraction > 1 || hotProbability < 0 || hotProbability > 1) {
      throw new IllegalArgumentException("workload.hotSet fraction and probability must be within 0..1");
    }
    if (outstanding < 1) {
      throw new IllegalArgumentException("workload.outstanding must be at least 1, was " + outstanding);
    }
  }
}
