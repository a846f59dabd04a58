package org.svmsim.kernel.config;

/**
 * The relocate's options: the copy chunk (the mirror's unit of "being copied now"), the data mover
 * ({@code auto} chooses as DOMAIN.md section 5 says; {@code offload}, {@code fs3dm} or {@code fsdm} force
 * one) and {@code fsr.maxSwitchoverSeconds}.
 */
public record MigrationOptions(long chunkSectors, String mover, long maxSwitchoverNanos) {
  public MigrationOptions {
    if (chunkSectors < 1) {
      throw new IllegalArgumentException("options.chunkSize must be at least one sector");
    }
    if (!java.util.List.of("auto", "offload", "fs3dm", "fsdm").contains(mover)) {
      throw new IllegalArgumentException(
          "options.mover must be auto, offload, fs3dm or fsdm, was '" + mover + "'");
    }
    if (maxSwitchoverNanos <= 0) {
      throw new IllegalArgumentException("options.maxSwitchover must be positive");
    }
  }
}
