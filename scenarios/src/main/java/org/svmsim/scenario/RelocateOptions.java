package org.svmsim.scenario;

import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;
import org.svmsim.scenario.unit.SimDuration;

/**
 * A relocate's options: the copy chunk, the data mover ({@code auto} lets the kernel choose) and
 * {@code fsr.maxSwitchoverSeconds}, past which the switchover fails and the VM stays on the source, and
 * each method's own knobs ({@code dbt}, {@code snapshot}). {@code vmxDelays} is {@code drawn} (the VMX's
 * own delays come from the seed, around the seed's log) or {@code seed} (exactly the delays of the
 * seed's log, to reproduce it).
 */
public record RelocateOptions(ByteSize chunkSize, String mover, SimDuration maxSwitchover, DbtSpec dbt,
    SnapshotSpec snapshot, String vmxDelays) {
  private static final long SECOND = 1_000_000_000L;

  public RelocateOptions {
    Check.sectors("chunkSize", chunkSize);
    Check.atMost("chunkSize", chunkSize, ByteSize.parse("1GiB"), "a data mover's largest chunk");
    Check.oneOf("mover", mover, MigrationOptions.MOVERS.toArray(String[]::new));
    long nanos = Check.present("maxSwitchover", maxSwitchover).nanos();
    if (nanos < SECOND || nanos % SECOND != 0) {
      throw new BadValueException("maxSwitchover", maxSwitchover,
          "fsr.maxSwitchoverSeconds is a whole number of seconds, at least 1s");
    }
    Check.atMost("maxSwitchover", maxSwitchover, SimDuration.ofSeconds(3600), "an hour");
    Check.present("dbt", dbt);
    Check.present("snapshot", snapshot);
    Check.oneOf("vmxDelays", vmxDelays, "drawn", "seed");
  }
}
