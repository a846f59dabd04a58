package org.svmsim.kernel.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.svmsim.kernel.svm.SvmFixture.PRIMARY;
import static org.svmsim.kernel.svm.SvmFixture.SECONDARY;
import static org.svmsim.kernel.svm.SvmFixture.VMX;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.device.DeviceRegistry;
import org.svmsim.kernel.device.OpenMode;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.sim.VirtualTime;

class SvmDriverTest {
  private final SvmFixture f = new SvmFixture(4096, false, 1L << 40);

  SvmDriverTest() throws Exception {}

  @Test
  void theDeviceIsNamedAfterBothHandlesAndRegisteredUnderSvm() {
    SvmMirrorDevice dev = f.make();
    assertEquals("10a80a6-819390-svmmirror", dev.name().toString());
    assertEquals(DeviceName.svmMirror(PRIMARY, SECONDARY), dev.name());
    assertEquals("/vmfs/devices/svm/10a80a6-819390-svmmirror", dev.path());
    DeviceRegistry.Entry e = f.devices.find(dev.name()).orElseThrow();
    assertEquals(dev.path(), e.path());
    assertFalse(e.hasFilesystem(), "no filesystem driver will ever claim a mirror");
    assertEquals(VMX, dev.owner());
    assertTrue(dev.store() == f.source, "the guest sees the source through the mirror");
    f.loop.run();
    assertEquals(List.of(new KernelEvent.SvmDeviceCreated(VMX, dev.name(), PRIMARY, SECONDARY)),
        f.of(KernelEvent.SvmDeviceCreated.class));
  }

  @Test
  void aSecondMirrorOfTheSameDisksIsRefused() {
    f.make();
    assertThrows(IllegalStateException.class, f::make);
  }

  @Test
  void destroyPublishesStatsThenDestroyedAndUnregisters() {
    SvmMirrorDevice dev = f.make();
    f.loop.run();
    f.events.clear();
    f.driver.destroy(dev);
    f.loop.run();
    assertEquals(2, f.events.size(), f.events.toString());
    KernelEvent.SvmMirrorStats stats = (KernelEvent.SvmMirrorStats) f.events.get(0);
    assertEquals(dev.name(), stats.device());
    assertEquals(VMX, stats.world());
    assertEquals(new KernelEvent.SvmDeviceDestroyed(VMX, dev.name()), f.events.get(1));
    assertTrue(f.devices.find(dev.name()).isEmpty());
    // The name can be made again once destroyed.
    f.make();
  }

  @Test
  void destroyingADeviceStillOpenFails() throws Exception {
    SvmMirrorDevice dev = f.make();
    f.devices.open(VMX, dev.name(), OpenMode.EXCLUSIVE);
    assertThrows(IllegalStateException.class, () -> f.driver.destroy(dev));
    assertTrue(f.devices.find(dev.name()).isPresent());
  }

  @Test
  void startCopySelectsTheMoverAndRunsTheOnePass() {
    SvmMirrorDevice dev = f.make();
    CopyJobId job = f.copy(dev, new MigrationOptions(512, "auto", 100 * VirtualTime.SECOND));
    assertTrue(f.copies.copying(job));
    f.loop.run();
    KernelEvent.DataMoverSelected sel = f.of(KernelEvent.DataMoverSelected.class).get(0);
    assertEquals(DataMover.FS3DM, sel.mover());
    assertEquals(job, sel.job());
    assertEquals(List.of(new KernelEvent.CopyPassStarted(VMX, job, 1, 4096, 512, DataMover.FS3DM)),
        f.of(KernelEvent.CopyPassStarted.class));
    assertEquals(8, f.of(KernelEvent.ChunkCopied.class).size());
    assertEquals(4096L * 512, f.of(KernelEvent.CopyPassCompleted.class).get(0).bytesCopied());
    assertFalse(f.copies.copying(job));
    assertEquals(-1, f.source.firstDifference(f.destination));
  }

  @Test
  void aForcedMoverIsReportedAsForced() {
    SvmMirrorDevice dev = f.make();
    f.copy(dev, new MigrationOptions(512, "fsdm", 100 * VirtualTime.SECOND));
    f.loop.run();
    KernelEvent.DataMoverSelected sel = f.of(KernelEvent.DataMoverSelected.class).get(0);
    assertEquals(DataMover.FSDM, sel.mover());
    assertTrue(sel.reason().contains("forced"), sel.reason());
    assertEquals(DataMover.FSDM, f.of(KernelEvent.CopyPassStarted.class).get(0).mover());
  }
}
