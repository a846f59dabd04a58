package org.svmsim.kernel.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;

/**
 * The relocate's options: the copy chunk (the mirror's unit of "being copied now"), the data mover
 * ({@code auto} chooses as DOMAIN.md section 5 says; {@code offload}, {@code fs3dm} or {@code fsdm} force
 * one), {@code fsr.maxSwitchoverSeconds}, each method's own knobs, and whether the VMX's own delays are
 * exactly the seed log's ({@code seedDelays}) instead of drawn.
 */
public record MigrationOptions(long chunkSectors, String mover, long maxSwitchoverNanos, DbtPolicy dbt,
    SnapshotPolicy snapshot, boolean seedDelays) {
  /** What {@code mover} may say: {@code auto}, or one of the data movers by id. */
  public static final List<String> MOVERS =
      Stream.concat(Stream.of("auto"), Arrays.stream(DataMover.values()).map(DataMover::id)).toList();

  public MigrationOptions {
    if (chunkSectors < 1) {
      throw new IllegalArgumentException("options.chunkSize must be at least one sector");
    }
    if (!MOVERS.contains(mover)) {
      throw new IllegalArgumentException("options.mover must be one of " + MOVERS + ", was '" + mover + "'");
    }
    if (maxSwitchoverNanos <= 0) {
      throw new IllegalArgumentException("options.maxSwitchover must be positive");
    }
    if (dbt == null || snapshot == null) {
      throw new IllegalArgumentException("options.dbt and options.snapshot must be present");
    }
  }

  /** The VMX's delays drawn, as they are unless a scenario reproduces the seed's log. */
  public MigrationOptions(long chunkSectors, String mover, long maxSwitchoverNanos, DbtPolicy dbt,
      SnapshotPolicy snapshot) {
    this(chunkSectors, mover, maxSwitchoverNanos, dbt, snapshot, false);
  }

  /** The shared options, each method's own at their defaults. */
  public MigrationOptions(long chunkSectors, String mover, long maxSwitchoverNanos) {
    this(chunkSectors, mover, maxSwitchoverNanos, DbtPolicy.defaults(), SnapshotPolicy.defaults());
  }
}
