package org.svmsim.kernel.copy.dbt;

/**
 * When dirty-block tracking stops iterating. ESX 4.x's own thresholds are not public: every default below is
 * svmsim's guess, and a scenario sets each one.
 *
 * @param blockSectors granularity of the change bitmap (128 sectors = 64 KiB by default)
 * @param finalPassBytes stun and copy the rest once a pass leaves at most this much dirty
 * @param maxPasses the most unstunned passes, the first (whole-disk) one included
 * @param stallPasses give up after this many passes in a row that did not shrink the dirty set
 * @param giveUp what giving up means: fail the migration, or stun and copy whatever is left anyway
 * @param deferHotBlocks whether blocks written twice within one pass wait for the stunned final pass
 * @param maxDeferredBytes the most that may be deferred, so the final pass (the downtime) stays bounded
 */
public record DbtPolicy(long blockSectors, long finalPassBytes, int maxPasses, int stallPasses, GiveUp giveUp,
    boolean deferHotBlocks, long maxDeferredBytes) {

  /** What happens when the passes do not converge. */
  public enum GiveUp {
    /** The migration fails; the VM keeps running on the source, which every write reached. */
    FAIL,
    /** The VM is stunned and the whole leftover set copied: converges always, at the cost of downtime. */
    FORCE_FINAL
  }

  public DbtPolicy {
    if (blockSectors <= 0) {
      throw new IllegalArgumentException("blockSectors must be positive, was " + blockSectors);
    }
    if (finalPassBytes < 0) {
      throw new IllegalArgumentException("finalPassBytes must be at least 0, was " + finalPassBytes);
    }
    if (maxPasses < 1) {
      throw new IllegalArgumentException("maxPasses must be at least 1, was " + maxPasses);
    }
    if (stallPasses < 1) {
      throw new IllegalArgumentException("stallPasses must be at least 1, was " + stallPasses);
    }
    if (giveUp == null) {
      throw new IllegalArgumentException("giveUp must be FAIL or FORCE_FINAL");
    }
    if (maxDeferredBytes < 0) {
      throw new IllegalArgumentException("maxDeferredBytes must be at least 0, was " + maxDeferredBytes);
    }
  }

  /** 64 KiB blocks, stun under 64 MiB, at most 10 passes, give up after 2 passes that do not shrink: guesses. */
  public static DbtPolicy defaults() {
    return new DbtPolicy(128, 64L << 20, 10, 2, GiveUp.FAIL, false, 0);
  }

  public DbtPolicy withBlockSectors(long sectors) {
    return new DbtPolicy(sectors, finalPassBytes, maxPasses, stallPasses, giveUp, deferHotBlocks,
        maxDeferredBytes);
  }

  public DbtPolicy withFinalPassBytes(long bytes) {
    return new DbtPolicy(blockSectors, bytes, maxPasses, stallPasses, giveUp, deferHotBlocks, maxDeferredBytes);
  }

  public DbtPolicy withPasses(int max, int stall, GiveUp policy) {
    return new DbtPolicy(blockSectors, finalPassBytes, max, stall, policy, deferHotBlocks, maxDeferredBytes);
  }

  /** Defers hot blocks to the final pass, up to {@code maxBytes} of them. */
  public DbtPolicy withHotBlockDeferral(long maxBytes) {
    return new DbtPolicy(blockSectors, finalPassBytes, maxPasses, stallPasses, giveUp, true, maxBytes);
  }
}
