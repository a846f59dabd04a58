package org.svmsim.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.fsr.Switchovers;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.WorkloadConfig;

/** The whole mirror-mode flow of the VMX and kernel, on real content, across many seeds. */
class MirrorMigrationTest {
  private static final long SECTORS = (256L << 20) / 512;
  private static final WorkloadConfig BUSY = new WorkloadConfig(400, 0.3, 8,
      WorkloadConfig.Locality.HOTSET, 0.5, 0.8);

  @Test
  void migratesConsistentlyWithoutLosingWritesAcrossSeeds() {
    Set<String> routes = new TreeSet<>();
    for (long seed = 1; seed <= 40; seed++) {
      VmxHarness h = new VmxHarness(seed, SECTORS, BUSY, 2048, 1 << 20, 1L << 40);
      h.powerOnAndMigrate(10 * VirtualTime.SECOND, 2048);
      VmxEvent.SvmotionFinished done = h.runMigration();
      String where = "seed " + seed;
      assertNotNull(done, where + ": migration never finished");
      assertTrue(done.success(), where + ": " + done.reason());
      assertEquals(VmxHarness.DST, h.process().home(), where);
      assertTrue(h.events.stream().anyMatch(e -> e instanceof VmxEvent.ConsistencyChecked c && c.consistent()),
          where + ": no passing consistency check");
      assertEquals(0, h.lostWrites(), where + ": acknowledged writes lost");
      h.events.stream().filter(e -> e instanceof KernelEvent.GuestIoCompleted c && c.write())
          .map(e -> (KernelEvent.GuestIoCompleted) e)
          .forEach(c -> routes.add(c.route() + (c.waited() ? "_AFTER_WAIT" : "")));
    }
    // Across these seeds the guest wrote before, inside and after the chunk under copy.
    assertTrue(routes.containsAll(List.of("DIRECT", "SOURCE_ONLY", "MIRRORED", "MIRRORED_AFTER_WAIT")),
        "routes seen: " + routes);
  }

  @Test
  void phasesRunInOrderAndTheDeviceIsNamedAfterBothHandles() {
    VmxHarness h = new VmxHarness(7, SECTORS, BUSY, 2048, 1 << 20, 1L << 40);
    h.powerOnAndMigrate(10 * VirtualTime.SECOND, 2048);
    h.runMigration();
    List<Integer> phases = h.events.stream().filter(e -> e instanceof VmxEvent.SvmotionPhaseEntered)
        .map(e -> ((VmxEvent.SvmotionPhaseEntered) e).phase()).toList();
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), phases);
    KernelEvent.SvmDeviceCreated created = h.events.stream()
        .filter(e -> e instanceof KernelEvent.SvmDeviceCreated).map(e -> (KernelEvent.SvmDeviceCreated) e)
        .findFirst().orElseThrow();
    assertEquals("10a80a6-819390-svmmirror", created.device().toString());
    assertTrue(h.events.stream().anyMatch(e -> e instanceof KernelEvent.SvmDeviceDestroyed));
    assertTrue(h.events.stream().anyMatch(e -> e instanceof VmxEvent.VmUnstunned u && u.stoppedMicros() > 0));
  }

  @Test
  void differentBlockSizesFallBackToFsdm() {
    VmxHarness h = new VmxHarness(3, SECTORS, BUSY, 2048, 8 << 20, 1L << 40);
    h.powerOnAndMigrate(10 * VirtualTime.SECOND, 2048);
    h.runMigration();
    KernelEvent.DataMoverSelected sel = h.events.stream().filter(e -> e instanceof KernelEvent.DataMoverSelected)
        .map(e -> (KernelEvent.DataMoverSelected) e).findFirst().orElseThrow();
    assertEquals("fsdm", sel.mover().id());
  }

  @Test
  void aFullDestinationFailsTheMigrationAndTheVmStaysOnItsCompleteSource() {
    VmxHarness h = new VmxHarness(5, SECTORS, BUSY, 2048, 1 << 20, 64L << 20);
    h.powerOnAndMigrate(10 * VirtualTime.SECOND, 2048);
    VmxEvent.SvmotionFinished done = h.runMigration();
    assertFalse(done.success());
    assertTrue(done.reason().contains("No space"), done.reason());
    assertEquals(VmxHarness.SRC, h.process().home());
    assertEquals(0, h.lostWrites());
  }

  @Test
  void aDestinationThatFillsMidCopyFailsEveryDiskCleanly() {
    // Two thin 256 MiB disks, 384 MiB free: the copies run until the volume is full, with the other
    // disk's chunk still in flight when the first failure tears both mirrors down.
    for (long seed = 1; seed <= 10; seed++) {
      VmxHarness h = new VmxHarness(seed, SECTORS, BUSY, 1 << 20, 384L << 20, 2, true);
      h.powerOnAndMigrate(10 * VirtualTime.SECOND, 2048);
      VmxEvent.SvmotionFinished done = h.runMigration();
      assertNotNull(done, "seed " + seed);
      assertFalse(done.success(), "seed " + seed);
      assertTrue(h.events.stream().anyMatch(e -> e instanceof KernelEvent.CopyFailed), "seed " + seed);
      assertEquals(VmxHarness.SRC, h.process().home(), "seed " + seed);
      assertEquals(0, h.lostWrites(), "seed " + seed);
      assertEquals(2, h.events.stream().filter(e -> e instanceof KernelEvent.SvmDeviceDestroyed).count());
    }
  }

  @Test
  void aSwitchoverPastItsLimitIsFailedByTheKernelAndTheVmResumesOnTheSource() {
    VmxHarness h = new VmxHarness(11, SECTORS, BUSY, 2048, 1 << 20, 1L << 40);
    // 1 ms: even with the kernel's margin for noticing, far less than any fast suspend/resume takes.
    h.powerOnAndMigrate(10 * VirtualTime.SECOND, 2048, VirtualTime.MILLISECOND);
    VmxEvent.SvmotionFinished done = h.runMigration();
    assertFalse(done.success());
    assertTrue(done.reason().startsWith("vim.fault.Timedout: Maximum switchover time"), done.reason());
    KernelEvent.SwitchoverTimedOut timedOut = h.events.stream()
        .filter(e -> e instanceof KernelEvent.SwitchoverTimedOut).map(e -> (KernelEvent.SwitchoverTimedOut) e)
        .findFirst().orElseThrow();
    assertEquals("1463662769720447", timedOut.migrationId().toString());
    assertEquals(VmxHarness.SRC, h.process().home());
    assertEquals(0, h.lostWrites());
    VmxEvent.VmUnstunned unstun = h.events.stream().filter(e -> e instanceof VmxEvent.VmUnstunned)
        .map(e -> (VmxEvent.VmUnstunned) e).findFirst().orElseThrow();
    // Stopped until the kernel notices the limit, a little after it passes, not on the microsecond.
    assertTrue(unstun.stoppedMicros() > 1_000
        && unstun.stoppedMicros() < 1_000 + Switchovers.NOTICE_MAX_NANOS / VirtualTime.MICROSECOND,
        "stopped for " + unstun.stoppedMicros() + " us");
    assertTrue(h.events.stream().noneMatch(e -> e instanceof VmxEvent.FastSuspendResumed));
  }
}
