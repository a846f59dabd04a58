package org.svmsim.kernel.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.EventLoop;

class FaultPlanTest {
  private static final VmId VM = VmId.of("vm1");
  private static final VmId OTHER = VmId.of("vm2");
  private static final WorldId WORLD = WorldId.of(1000);
  private static final CopyJobId JOB = CopyJobId.of(1);
  private static final DatastoreId HOME = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");

  private final EventLoop loop = new EventLoop(1);
  private final List<String> injected = new ArrayList<>();

  private void arm(Fault... faults) {
    loop.subscribe(KernelEvent.FaultInjected.class, e -> injected.add(e.fault().spelled() + " at " + loop.now()));
    FaultPlan.install(loop, List.of(faults));
  }

  private void copyOf(long sectors, long chunk) {
    loop.scheduleAt(1, new VmxEvent.VmxStarted(VM, HOME, 1, WORLD, "x.vmx", "u", 1, 1, "os", false));
    loop.scheduleAt(2, new KernelEvent.CopyJobCreated(WORLD, JOB, DiskHandle.parse("10a80a6"),
        DiskHandle.parse("819390"), sectors));
    for (long lba = 0, t = 10; lba < sectors; lba += chunk, t += 10) {
      loop.scheduleAt(t, new KernelEvent.ChunkCopied(JOB, 1, lba, chunk));
    }
    // A second pass re-copies what the guest wrote: it does not move the progress.
    loop.scheduleAt(10_000, new KernelEvent.ChunkCopied(JOB, 2, 0, sectors));
  }

  @Test
  void aTimeFaultStrikesAtItsTime() {
    arm(new Fault(FaultKind.CANCEL, FaultMode.DEFAULT, FaultTrigger.atTime(500), VM));
    loop.run();
    assertEquals(List.of("cancel@+0h00m00.000000500s at 500"), injected);
  }

  @Test
  void aProgressFaultStrikesOnTheChunkThatReachesItAndOnlyOnce() {
    arm(new Fault(FaultKind.DEST_WRITE_ERROR, FaultMode.PERSISTENT, FaultTrigger.atProgress(4000), VM));
    copyOf(100, 10);
    loop.run();
    assertEquals(List.of("dest-write-error:persistent@40% at 40"), injected, "the 4th chunk of 10 reaches 40 %");
  }

  @Test
  void aPhaseFaultStrikesAsItsVmEntersThePhase() {
    arm(new Fault(FaultKind.AGENT_RESTART, FaultMode.HOSTD, FaultTrigger.atPhase(8), VM));
    loop.scheduleAt(5, new VmxEvent.SvmotionPhaseEntered(OTHER, 8, "copy"));
    loop.scheduleAt(6, new VmxEvent.SvmotionPhaseEntered(VM, 7, "reopen"));
    loop.scheduleAt(7, new VmxEvent.SvmotionPhaseEntered(VM, 8, "copy"));
    loop.scheduleAt(8, new VmxEvent.SvmotionPhaseEntered(VM, 8, "copy"));
    loop.run();
    assertEquals(List.of("agent-restart:hostd@phase8 at 7"), injected);
  }

  @Test
  void aProgressTheCopyNeverReachesInjectsNothing() {
    arm(new Fault(FaultKind.CANCEL, FaultMode.DEFAULT, FaultTrigger.atProgress(5000), OTHER));
    copyOf(100, 10);
    loop.run();
    assertEquals(List.of(), injected, "another VM's copy");
  }

  @Test
  void laterPassesDoNotMoveTheProgress() {
    arm(new Fault(FaultKind.CANCEL, FaultMode.DEFAULT, FaultTrigger.atProgress(10_000), VM));
    loop.scheduleAt(1, new VmxEvent.VmxStarted(VM, HOME, 1, WORLD, "x.vmx", "u", 1, 1, "os", false));
    loop.scheduleAt(2, new KernelEvent.CopyJobCreated(WORLD, JOB, DiskHandle.parse("10a80a6"),
        DiskHandle.parse("819390"), 100));
    loop.scheduleAt(3, new KernelEvent.ChunkCopied(JOB, 1, 0, 50));
    loop.scheduleAt(4, new KernelEvent.ChunkCopied(JOB, 2, 0, 50));
    loop.run();
    assertEquals(List.of(), injected);
  }

  @Test
  void aKindTakesOnlyItsOwnModesAndDefaultsToTheFirst() {
    assertEquals(FaultMode.TRANSIENT,
        new Fault(FaultKind.DEST_WRITE_ERROR, FaultMode.DEFAULT, FaultTrigger.atTime(1), VM).mode());
    assertTrue(new Fault(FaultKind.DEST_OUT_OF_SPACE, FaultMode.DEFAULT, FaultTrigger.atTime(1), VM).persistent());
    assertThrows(IllegalArgumentException.class,
        () -> new Fault(FaultKind.CANCEL, FaultMode.PERSISTENT, FaultTrigger.atTime(1), VM));
    assertThrows(IllegalArgumentException.class, () -> FaultTrigger.atProgress(10_001));
    assertEquals("37.50%", FaultTrigger.atProgress(3750).toString());
  }
}
