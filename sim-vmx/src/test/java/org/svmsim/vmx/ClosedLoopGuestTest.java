package org.svmsim.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.WorkloadConfig;

/** An oversubscribed datastore slows a closed-loop guest down; it never grows a queue past the guest's depth. */
class ClosedLoopGuestTest {
  private static final long SECTORS = (64L << 20) / 512;

  @Test
  void aGuestAskingForFarMoreThanTheDatastoreServesKeepsAtMostItsDepthInFlight() {
    int depth = 8;
    // 200 MB/s and 1 ms per I/O with a queue of 32 serves about 32,000 4 KiB I/Os a second: ask for 400,000.
    WorkloadConfig flood = new WorkloadConfig(400_000, 0.5, 8, WorkloadConfig.Locality.UNIFORM, 1, 0, depth);
    VmxHarness h = new VmxHarness(3, SECTORS, flood, 2048, 1 << 20, 1L << 40);
    long[] max = {0};
    h.loop.observe((t, e) -> max[0] = Math.max(max[0], h.process().outstanding()));
    h.powerOnAndMigrate(3 * VirtualTime.SECOND, 2048);
    var done = h.runMigration();
    assertNotNull(done, "the migration never finished under the flood");
    assertTrue(done.success(), done.reason());
    assertEquals(depth, max[0], "the guest filled its queue and never went past it");
    assertTrue(h.process().adapter().throttled() > 0, "the guest was throttled");
    assertTrue(h.process().adapter().throttledNanos() > 0);
    long completed = h.events.stream().filter(e -> e instanceof KernelEvent.GuestIoCompleted).count();
    long seconds = h.loop.now() / VirtualTime.SECOND;
    assertTrue(completed < 400_000L * seconds / 4, completed + " I/Os in " + seconds + " s: not slowed down");
    assertEquals(0, h.lostWrites());
  }
}
