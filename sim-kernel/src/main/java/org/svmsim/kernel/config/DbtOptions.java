package org.svmsim.kernel.config;

/**
 * Dirty block tracking's knobs (DOMAIN.md section 3): the change bitmap's block, the dirty set small
 * enough to copy while stunned, the passes allowed before giving up, what giving up does, and hot-block
 * deferral ({@code hotPasses} > 0: a block dirtied in that many passes in a row waits for the stunned pass).
 * The defaults are svmsim's guesses; ESX 4.x's values are not public.
 */
public record DbtOptions(long blockSectors, long thresholdSectors, int maxPasses, GiveUp giveUp,
    int hotPasses) {
  /** 64 KiB blocks, 16 MiB left for the stunned pass, 10 passes, then fail; no hot-block deferral. */
  public static final DbtOptions DEFAULT = new DbtOptions(128, 32_768, 10, GiveUp.FAIL, 0);

  /** When passes stop shrinking: fail the migration, or stun and copy whatever is left. */
  public enum GiveUp {
    FAIL, FORCE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public DbtOptions {
    if (blockSectors < 1) {
      throw new IllegalArgumentException("options.dbt.blockSize must be at least one sector");
    }
    if (thresholdSectors < 0) {
      throw new IllegalArgumentException("options.dbt.threshold must not be negative");
    }
    if (maxPasses < 2) {
      throw new IllegalArgumentException("options.dbt.maxPasses must be at least 2, was " + maxPasses);
    }
    if (giveUp == null) {
      throw new IllegalArgumentException("options.dbt.giveUp must be fail or force");
    }
    if (hotPasses < 0) {
      throw new IllegalArgumentException("options.dbt.hotPasses must not be negative");
    }
  }
}
