package org.svmsim.kernel.config;

/**
 * Snapshot copy's knobs (DOMAIN.md section 3): the redo log's grain, the child small enough to
 * consolidate while the VM is stunned, and the consolidation rounds allowed before the migration fails.
 * The defaults are svmsim's guesses; ESX 3.5's values are not public.
 */
public record SnapshotOptions(long grainSectors, long stunThresholdSectors, int maxRounds) {
  /** 4 KiB grains, a child of at most 16 MiB consolidated stunned, 10 rounds. */
  public static final SnapshotOptions DEFAULT = new SnapshotOptions(8, 32_768, 10);

  public SnapshotOptions {
    if (grainSectors < 1) {
      throw new IllegalArgumentException("options.snapshot.grainSize must be at least one sector");
    }
    if (stunThresholdSectors < 0) {
      throw new IllegalArgumentException("options.snapshot.stunThreshold must not be negative");
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("options.snapshot.maxRounds must be at least 1, was " + maxRounds);
    }
  }
}
