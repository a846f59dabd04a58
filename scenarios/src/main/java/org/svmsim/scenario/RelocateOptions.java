package org.svmsim.scenario;

import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;
import org.svmsim.scenario.unit.SimDuration;

/**
 * A relocate's options: the copy chunk, the data mover ({@code auto} lets the kernel choose) and
 * {@code fsr.maxSwitchoverSeconds}, past which the switchover fails and the VM stays on the source.
 */
public record RelocateOptions(ByteSize chunkSize, String mover, SimDuration maxSwitchover) {
  public RelocateOptions {
    Check.sectors("chunkSize", chunkSize);
    Check.oneOf("mover", mover, "auto", "offload", "fs3dm", "fsdm");
    if (Check.present("maxSwitchover", maxSwitchover).nanos() <= 0) {
      throw new BadValueException("maxSwitchover", maxSwitchover, "must be positive");
    }
  }
}
