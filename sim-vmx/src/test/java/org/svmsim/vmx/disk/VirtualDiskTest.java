package org.svmsim.vmx.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.io.DirectDisk;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.perf.DatastoreService;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.storage.ExtentStore;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.vmx.config.DiskConfig;

class VirtualDiskTest {
  private static final VmId VM = VmId.of("W1_2");
  private static final DatastoreId DS = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");
  private static final long SECTORS = 33_554_432;
  private static final String DESCRIPTOR = DS.path() + "/W1_2/W1_2.vmdk";
  private static final String MIRROR_NODE = "/vmfs/devices/svm/10a80a6-819390-svmmirror";

  private final EventLoop loop = new EventLoop(1);
  private final List<Event> events = new ArrayList<>();
  private final DiskConfig config = new DiskConfig("W1_2.vmdk", SECTORS, false, DiskHandle.parse("10a80a6"),
      DiskHandle.parse("819390"));
  private final VmfsFile flat = new VmfsFile(DS, "W1_2/W1_2-flat.vmdk", config.handle(), SECTORS * 512,
      SECTORS * 512, false);
  private final DirectDisk path = new DirectDisk(loop, new ExtentStore(SECTORS, -1),
      new DatastoreService(loop, "ds", new DatastorePerformance(100_000_000L, 1_000_000L, 32)).openStream("W1_2"));
  private final VirtualDisk disk = new VirtualDisk(loop, new SimRandom(9).split("disk0"), VM, "scsi0:0", config,
      Long.MIN_VALUE);

  VirtualDiskTest() {
    loop.observe((t, e) -> events.add(e));
  }

  private <E extends Event> List<E> of(Class<E> type) {
    loop.run();
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void openPublishesTheDiskAsDiskLibOpensIt() {
    disk.open(DESCRIPTOR, flat, path, null);
    assertSame(path, disk.path());
    assertSame(flat, disk.flat());
    assertEquals(DESCRIPTOR, disk.fileName());
    VmxEvent.DiskOpened o = of(VmxEvent.DiskOpened.class).get(0);
    assertEquals(VM, o.vm());
    assertEquals("scsi0:0", o.scsi());
    assertEquals(DESCRIPTOR, o.fileName());
    assertEquals(DESCRIPTOR, o.node(), "without a mirror the node is the vmdk itself");
    assertFalse(o.mirrorNode());
    assertEquals(SECTORS, o.capacitySectors());
    assertEquals(11, o.createType());
    assertEquals(1, o.allocationType(), "thick");
    assertTrue(o.cid().matches("[0-9a-f]{8}"), o.cid());
  }

  @Test
  void aPowerLossUndoesAWriteInFlightUnlessTheRunPlannedNoCrashThenItRefuses() {
    disk.open(DESCRIPTOR, flat, path, null);
    long before = disk.path().store().read(8, 8).runs()[2];
    disk.writeIssued(8, 8, 77);
    disk.path().store().write(8, 8, 77);
    disk.loseUnacknowledged();
    assertEquals(before, disk.path().store().read(8, 8).runs()[2], "the write in flight is undone");

    VirtualDisk uncrashable = new VirtualDisk(loop, new SimRandom(9).split("disk1"), VM, "scsi0:1", config,
        Long.MIN_VALUE);
    uncrashable.keepNoBeforeImages();
    uncrashable.open(DESCRIPTOR, flat, path, null);
    uncrashable.writeIssued(8, 8, 78);
    IllegalStateException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        uncrashable::loseUnacknowledged);
    assertTrue(ex.getMessage().contains("planned no host crash"), ex.getMessage());
  }

  @Test
  void openingThroughAMirrorNodeNamesTheNode() {
    disk.open(DESCRIPTOR, flat, path, MIRROR_NODE);
    VmxEvent.DiskOpened o = of(VmxEvent.DiskOpened.class).get(0);
    assertEquals(MIRROR_NODE, o.node());
    assertTrue(o.mirrorNode());
    assertEquals(DESCRIPTOR, o.fileName());
  }

  @Test
  void onlyTheFirstWriteAfterAnOpenChangesTheContentId() {
    disk.open(DESCRIPTOR, flat, path, null);
    disk.beforeWrite();
    disk.beforeWrite();
    disk.beforeWrite();
    assertEquals(List.of(new VmxEvent.FirstWrite(VM, "scsi0:0", DESCRIPTOR)), of(VmxEvent.FirstWrite.class));
    List<VmxEvent.ContentIdChanged> changes = of(VmxEvent.ContentIdChanged.class);
    assertEquals(1, changes.size());
    VmxEvent.ContentIdChanged c = changes.get(0);
    assertTrue(c.longContentId().matches("[0-9a-f]{32}"), c.longContentId());
    assertTrue(c.previous().matches("[0-9a-f]{32}"), c.previous());
    assertNotEquals(c.previous(), c.longContentId());
    // FirstWrite comes right before the content id change.
    int first = events.indexOf(of(VmxEvent.FirstWrite.class).get(0));
    assertSame(c, events.get(first + 1));
  }

  @Test
  void eachOpenGetsItsOwnFirstWriteAndTheIdsChain() {
    disk.open(DESCRIPTOR, flat, path, null);
    disk.beforeWrite();
    disk.close();
    disk.open(DESCRIPTOR, flat, path, MIRROR_NODE);
    disk.beforeWrite();
    disk.beforeWrite();
    assertEquals(2, of(VmxEvent.FirstWrite.class).size());
    List<VmxEvent.ContentIdChanged> changes = of(VmxEvent.ContentIdChanged.class);
    assertEquals(2, changes.size());
    assertEquals(changes.get(0).longContentId(), changes.get(1).previous());
    assertNotEquals(changes.get(1).previous(), changes.get(1).longContentId());
    assertNotEquals(changes.get(0).previous(), changes.get(1).longContentId());
  }

  @Test
  void anOpenWithoutWritesChangesNothing() {
    disk.open(DESCRIPTOR, flat, path, null);
    disk.close();
    disk.open(DESCRIPTOR, flat, path, null);
    assertTrue(of(VmxEvent.FirstWrite.class).isEmpty());
    assertTrue(of(VmxEvent.ContentIdChanged.class).isEmpty());
  }

  @Test
  void closePublishesAndDropsThePath() {
    disk.open(DESCRIPTOR, flat, path, null);
    disk.close();
    assertNull(disk.path());
    assertEquals(List.of(new VmxEvent.DiskClosed(VM, "scsi0:0", DESCRIPTOR, flat.fullPath(), false)),
        of(VmxEvent.DiskClosed.class));
  }

  @Test
  void aThinDiskReportsAllocationTypeZero() {
    DiskConfig thin = new DiskConfig("W1_2.vmdk", SECTORS, true, config.handle(), null);
    new VirtualDisk(loop, new SimRandom(9), VM, "scsi0:1", thin, -1).open(DESCRIPTOR, flat, path, null);
    assertEquals(0, of(VmxEvent.DiskOpened.class).get(0).allocationType());
  }

  @Test
  void theSameStreamGivesTheSameIds() {
    List<Event> other = new ArrayList<>();
    EventLoop otherLoop = new EventLoop(1);
    otherLoop.observe((t, e) -> other.add(e));
    VirtualDisk twin = new VirtualDisk(otherLoop, new SimRandom(9).split("disk0"), VM, "scsi0:0", config,
        Long.MIN_VALUE);
    disk.open(DESCRIPTOR, flat, path, null);
    disk.beforeWrite();
    twin.open(DESCRIPTOR, flat, path, null);
    twin.beforeWrite();
    otherLoop.run();
    assertEquals(of(VmxEvent.ContentIdChanged.class), other.stream()
        .filter(VmxEvent.ContentIdChanged.class::isInstance).toList());
    assertEquals(Long.MIN_VALUE, twin.initialTag());
  }
}
