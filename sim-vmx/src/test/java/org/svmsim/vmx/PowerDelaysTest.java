package org.svmsim.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.WorkloadConfig;

/** Power-on and power-off take each VM its own time, drawn from the seed, never one constant. */
class PowerDelaysTest {
  private static final WorkloadConfig IDLE = new WorkloadConfig(1, 0.5, 8, WorkloadConfig.Locality.UNIFORM, 1, 0);

  /** [guest running, VMX exited after a power-off at 10 s], in nanoseconds, for {@code seed}. */
  private static long[] powerCycle(long seed) {
    VmxHarness h = new VmxHarness(seed, 2048, IDLE, 2048, 1 << 20, 1L << 40);
    h.loop.scheduleAt(0, new VmxEvent.StartVmx(VmxHarness.VM, VmxHarness.SRC, false));
    h.loop.scheduleAt(10 * VirtualTime.SECOND, new VmxEvent.StopVmx(VmxHarness.VM));
    long[] at = {-1, -1};
    h.loop.subscribe(VmxEvent.GuestRunning.class, e -> at[0] = h.loop.now());
    h.loop.subscribe(VmxEvent.VmxStopped.class, e -> {
      at[1] = h.loop.now() - 10 * VirtualTime.SECOND;
      h.loop.stop();
    });
    h.loop.run(VirtualTime.MINUTE);
    return at;
  }

  @Test
  void eachSeedBootsAndStopsInItsOwnTimeWithinAPlausibleSpread() {
    Set<Long> boots = new TreeSet<>();
    Set<Long> stops = new TreeSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      long[] at = powerCycle(seed);
      assertTrue(at[0] >= 1200 * VirtualTime.MILLISECOND && at[0] < 3750 * VirtualTime.MILLISECOND,
          "seed " + seed + ": guest running " + at[0] + " ns after power-on");
      assertTrue(at[1] >= 120 * VirtualTime.MILLISECOND && at[1] < 500 * VirtualTime.MILLISECOND,
          "seed " + seed + ": VMX exited " + at[1] + " ns after power-off");
      boots.add(at[0]);
      stops.add(at[1]);
    }
    assertTrue(boots.size() >= 15 && stops.size() >= 15, "drawn, not constant: " + boots + " " + stops);
    assertEquals(powerCycle(5)[0], powerCycle(5)[0], "the same seed boots in the same time");
  }
}
