package org.svmsim.vmx.svmotion;

import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * The VMX's own delays in a migration, drawn from the migration's seeded stream rather than fixed: a real
 * VMX never takes the same 289 ms twice. The centres are the seed's (copy setup 0.289 s, phases 1-7 about
 * 57 ms, 168 ms stopped at the switchover); the spreads and the growth with disks and memory are svmsim's
 * guesses (KB 1010045: more disks make the switchover slower), in the range public logs show.
 */
final class Timings {
  private final SimRandom random;
  private final SimRandom seedStream;
  private final boolean seed;
  private final int disks;
  private final long memoryBytes;

  /**
   * Draws from {@code migration}'s stream split off as "timings"; with {@code seedDelays}, gives the seed
   * log's delays instead, drawing only the suspend/resume jitter from {@code migration} itself as svmsim
   * always did (so the seed's downtime stays what it was).
   */
  Timings(SimRandom migration, boolean seedDelays, int disks, long memoryBytes) {
    this.random = migration.split("timings");
    this.seedStream = migration;
    this.seed = seedDelays;
    this.disks = Math.max(1, disks);
    this.memoryBytes = memoryBytes;
  }

  /** From entering {@code phase} to the next one, for phases that do not wait: 50 %-180 % of the centre. */
  long phase(Phase phase) {
    long centre = phase.next();
    if (seed) {
      return centre;
    }
    if (phase == Phase.CREATE_DESTINATION || phase == Phase.OPEN_DESTINATION) {
      centre *= disks;
    }
    return spread(centre, 0.5, 1.8);
  }

  /** From entering phase 8 to the worker starting the copy of a disk (seed: 0.289 s). */
  long copySetup() {
    return seed ? 289 * VirtualTime.MILLISECOND : spread(289 * VirtualTime.MILLISECOND, 0.7, 1.5);
  }

  /**
   * Device and vcpu state handed to the shadow VM: the memory stays put on the same host, but the
   * checkpoint carries the VM's memory map (about 1 KiB per MiB of memory, a guess) beside a few MiB of
   * device state.
   */
  long checkpointBytes() {
    if (seed) {
      return 6L << 20;
    }
    long deviceState = spread(4L << 20, 0.8, 1.3);
    return deviceState + memoryBytes / 1024;
  }

  /** Suspend and resume around the checkpoint: each disk is quiesced, closed and reopened. */
  long suspendResume() {
    if (seed) {
      return 115 * VirtualTime.MILLISECOND + seedStream.nextLong(0, 60 * VirtualTime.MILLISECOND);
    }
    long perDisk = spread(12 * VirtualTime.MILLISECOND, 0.6, 1.6);
    return spread(115 * VirtualTime.MILLISECOND, 0.8, 1.3) + disks * perDisk;
  }

  /** {@code centre} times a uniform factor in [lo, hi), in whole microseconds (0 stays 0). */
  private long spread(long centre, double lo, double hi) {
    if (centre == 0) {
      return 0;
    }
    double f = lo + (hi - lo) * random.nextDouble();
    return Math.max(VirtualTime.MICROSECOND, Math.round(centre * f / VirtualTime.MICROSECOND) * VirtualTime.MICROSECOND);
  }
}
