package org.svmsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.sim.VirtualTime;

class GuestWriteImpactTest {
  private static final VmId VM = VmId.of("W1_2");
  private static final VmId OTHER = VmId.of("idle");
  private static final DatastoreId DST = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");

  private final GuestWriteImpact impact = new GuestWriteImpact();
  private long ids;

  private void write(long t, VmId vm, long latencyMicros, long sectors) {
    impact.onEvent(t, new KernelEvent.GuestIoCompleted(vm, 0, ++ids, true, 0, sectors, ids, IoRoute.MIRRORED,
        false, latencyMicros * VirtualTime.MICROSECOND));
  }

  @Test
  void countsOnlyTheMigratingVmsWritesWhileItsRelocateRuns() {
    write(0, VM, 50_000, 8); // before the relocate
    impact.onEvent(VirtualTime.SECOND, new AgentEvent.RelocateVm(VM, Method.MIRROR, DST,
        new MigrationOptions(2048, "auto", 100 * VirtualTime.SECOND)));
    for (int i = 1; i <= 100; i++) {
      write(VirtualTime.SECOND + i, VM, i * 10L, 2000); // 10 us .. 1000 us, 1 MB each
    }
    write(VirtualTime.seconds(2), OTHER, 90_000, 8); // another VM, not migrating
    impact.onEvent(VirtualTime.seconds(3), new AgentEvent.RelocateFinished("op", VM, true, "", 0));
    write(VirtualTime.seconds(4), VM, 70_000, 8); // after it
    impact.onEvent(VirtualTime.seconds(5), new RunEvent.RunFinished("success", ""));

    GuestWriteImpact.Figures f = impact.figures();
    assertEquals(500, f.p50Us(), 0.5);
    assertEquals(990, f.p99Us(), 1);
    assertEquals(1000, f.maxUs());
    // 100 writes of 2000 sectors = 102.4 MB over the 2 s the relocate ran.
    assertEquals(51.2, f.throughputMBps(), 1e-9);
  }

  @Test
  void noWritesDuringTheMigrationGiveZeros() {
    write(0, VM, 50_000, 8);
    assertEquals(new GuestWriteImpact.Figures(0, 0, 0, 0), impact.figures());
  }
}
