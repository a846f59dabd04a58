package org.svmsim.kernel.fsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

class SwitchoversTest {
  private static final MigrationId MID = MigrationId.parse("1313159068180024");
  private static final long LIMIT = 100 * VirtualTime.SECOND;

  /** The time the kernel fails a switchover that never ends, for {@code seed}. */
  private static long timedOutAt(long seed) {
    EventLoop loop = new EventLoop(seed);
    Switchovers switchovers = new Switchovers(loop, new SimRandom(seed).split("fsr"));
    List<Long> at = new ArrayList<>();
    loop.subscribe(KernelEvent.SwitchoverTimedOut.class, e -> {
      assertEquals(100, e.maxSeconds(), "the limit logged is the setting, in seconds");
      at.add(loop.now());
    });
    loop.scheduleAt(VirtualTime.SECOND, new KernelEvent.SwitchoverDeadline(MigrationId.parse("1000000000000001")));
    switchovers.begin(new WorldId(4100), MID, LIMIT);
    loop.run(10 * LIMIT);
    assertEquals(1, at.size(), "one failure, the stray deadline of an unknown migration ignored");
    return at.get(0);
  }

  @Test
  void theKernelNoticesTheLimitALittleAfterItPassesAndEachSeedDrawsItsOwnMoment() {
    Set<Long> late = new TreeSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      long past = timedOutAt(seed) - LIMIT;
      assertTrue(past >= Switchovers.NOTICE_MIN_NANOS && past < Switchovers.NOTICE_MAX_NANOS,
          "seed " + seed + ": noticed " + past + " ns past the limit");
      late.add(past);
    }
    assertTrue(late.size() >= 15, "the moment varies with the seed: " + late);
    assertEquals(timedOutAt(7), timedOutAt(7), "and is the same for the same seed");
  }

  @Test
  void aSwitchoverThatEndsInTimeIsNeverFailed() {
    EventLoop loop = new EventLoop(3);
    Switchovers switchovers = new Switchovers(loop, new SimRandom(3).split("fsr"));
    List<KernelEvent.SwitchoverTimedOut> failed = new ArrayList<>();
    loop.subscribe(KernelEvent.SwitchoverTimedOut.class, failed::add);
    switchovers.begin(new WorldId(4100), MID, LIMIT);
    loop.scheduleAt(LIMIT, new KernelEvent.SwitchoverDeadline(MigrationId.parse("1000000000000001")));
    loop.subscribe(KernelEvent.SwitchoverDeadline.class, e -> switchovers.end(MID));
    loop.run(10 * LIMIT);
    assertTrue(failed.isEmpty(), failed.toString());
  }
}
