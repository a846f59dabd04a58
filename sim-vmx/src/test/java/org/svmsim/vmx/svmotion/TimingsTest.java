package org.svmsim.vmx.svmotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

class TimingsTest {
  private static final long GIB = 1L << 30;

  private static Timings drawn(long seed, int disks, long memory) {
    return new Timings(new SimRandom(seed).split("svmotion"), false, disks, memory);
  }

  @Test
  void eachSeedDrawsItsOwnDelaysInAPlausibleRange() {
    Set<Long> setups = new TreeSet<>();
    Set<Long> phases = new TreeSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      Timings t = drawn(seed, 1, 4 * GIB);
      long setup = t.copySetup();
      assertTrue(setup >= 202 * VirtualTime.MILLISECOND && setup < 434 * VirtualTime.MILLISECOND,
          "seed " + seed + ": copy setup " + setup);
      setups.add(setup);
      long create = t.phase(Phase.CREATE_DESTINATION);
      assertTrue(create >= 20 * VirtualTime.MILLISECOND && create < 72 * VirtualTime.MILLISECOND,
          "seed " + seed + ": creating one destination disk took " + create);
      phases.add(create);
    }
    assertTrue(setups.size() >= 15 && phases.size() >= 15, "not constants: " + setups + " " + phases);
  }

  @Test
  void theSeedsOwnDelaysAreThoseOfItsLog() {
    Timings seed = new Timings(new SimRandom(12).split("svmotion"), true, 1, 4 * GIB);
    assertEquals(289 * VirtualTime.MILLISECOND, seed.copySetup());
    assertEquals(Phase.CREATE_DESTINATION.next(), seed.phase(Phase.CREATE_DESTINATION));
    assertEquals(6L << 20, seed.checkpointBytes());
  }

  @Test
  void theSuspendAndResumeGrowWithTheDisks() {
    for (long seed = 1; seed <= 20; seed++) {
      // The same seed draws the same factors, so only the number of disks differs.
      long one = drawn(seed, 1, 4 * GIB).suspendResume();
      long four = drawn(seed, 4, 4 * GIB).suspendResume();
      long twelve = drawn(seed, 12, 4 * GIB).suspendResume();
      assertTrue(one < four && four < twelve, "seed " + seed + ": " + one + " " + four + " " + twelve);
      assertTrue(twelve - one >= 11 * 7 * VirtualTime.MILLISECOND, "seed " + seed + ": at least 7 ms a disk");
    }
  }

  @Test
  void theCheckpointGrowsWithTheMemory() {
    for (long seed = 1; seed <= 20; seed++) {
      long small = drawn(seed, 1, GIB).checkpointBytes();
      long big = drawn(seed, 1, 64 * GIB).checkpointBytes();
      assertEquals(63 * GIB / 1024, big - small, "seed " + seed + ": 1 KiB of checkpoint per MiB of memory");
      long device = small - GIB / 1024;
      assertTrue(device >= (3L << 20) && device < (6L << 20), "seed " + seed + ": device state " + device);
    }
  }
}
