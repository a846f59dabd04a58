package org.svmsim.kernel.copy.snapshot;

/**
 * When snapshot consolidation stops iterating. ESX 3.5's thresholds are not public: the defaults are
 * svmsim's guesses, and a scenario sets each one.
 *
 * @param grainSectors the redo logs' grain (128 sectors = 64 KiB, as a VMware sparse delta)
 * @param stunnedBytes consolidate the last child while stunned once it holds at most this much
 * @param maxRounds the most unstunned consolidation rounds; past it the migration fails
 * @param stallRounds fail after this many rounds in a row whose new child did not shrink
 */
public record SnapshotPolicy(long grainSectors, long stunnedBytes, int maxRounds, int stallRounds) {
  public SnapshotPolicy {
    if (grainSectors <= 0) {
      throw new IllegalArgumentException("grainSectors must be positive, was " + grainSectors);
    }
    if (stunnedBytes < 0) {
      throw new IllegalArgumentException("stunnedBytes must be at least 0, was " + stunnedBytes);
    }
    if (maxRounds < 0) {
      throw new IllegalArgumentException("maxRounds must be at least 0, was " + maxRounds);
    }
    if (stallRounds < 1) {
      throw new IllegalArgumentException("stallRounds must be at least 1, was " + stallRounds);
    }
  }

  /** 64 KiB grains, stun under 64 MiB, at most 10 rounds, fail after 2 that do not shrink: guesses. */
  public static SnapshotPolicy defaults() {
    return new SnapshotPolicy(128, 64L << 20, 10, 2);
  }
}
