package org.svmsim.kernel.vmfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.storage.ExtentStore;

class VmfsVolumeTest {
  static final long MIB = 1L << 20;
  static final DatastoreId UUID = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");
  static final DatastorePerformance PERF = new DatastorePerformance(100_000_000L, 1_000_000L, 32);

  private final EventLoop loop = new EventLoop(1);
  private final List<Event> events = new ArrayList<>();
  private final VmfsVolume volume = mount(10 * MIB, new SimRandom(1));

  private VmfsVolume mount(long free, SimRandom random) {
    loop.observe((t, e) -> events.add(e));
    return new Vmfs(loop, random).mount(
        new DatastoreConfig("ds2", UUID, MIB, 1L << 40, free, "array", false, PERF));
  }

  @Test
  void thickFilesTakeTheirSizeRoundedUpToTheBlockSizeAtCreation() throws Exception {
    VmfsFile a = volume.createFile("W1/W1-flat.vmdk", 1, false);
    assertEquals(MIB, a.allocatedBytes());
    assertEquals(1, a.sizeBytes());
    assertFalse(a.thin());
    assertEquals(9 * MIB, volume.freeBytes());
    VmfsFile b = volume.createFile("W1/W1_1-flat.vmdk", 2 * MIB + MIB / 2, false);
    assertEquals(3 * MIB, b.allocatedBytes());
    VmfsFile c = volume.createFile("W1/W1_2-flat.vmdk", 2 * MIB, false);
    assertEquals(2 * MIB, c.allocatedBytes(), "an exact multiple is not rounded further");
    assertEquals(4 * MIB, volume.freeBytes());
  }

  @Test
  void thinFilesTakeSpaceAsTheyAreWritten() throws Exception {
    VmfsFile f = volume.createFile("W1/W1-flat.vmdk", 4 * MIB, true);
    assertTrue(f.thin());
    assertEquals(0, f.allocatedBytes());
    assertEquals(10 * MIB, volume.freeBytes());
    volume.allocate(f.path(), 1);
    assertEquals(MIB, volume.file(f.path()).orElseThrow().allocatedBytes());
    assertEquals(9 * MIB, volume.freeBytes());
    volume.allocate(f.path(), 2 * MIB);
    assertEquals(3 * MIB, volume.file(f.path()).orElseThrow().allocatedBytes());
    // Never beyond the file's own size.
    volume.allocate(f.path(), 100 * MIB);
    assertEquals(4 * MIB, volume.file(f.path()).orElseThrow().allocatedBytes());
    assertEquals(6 * MIB, volume.freeBytes());
    volume.allocate(f.path(), MIB);
    assertEquals(6 * MIB, volume.freeBytes());
  }

  @Test
  void allocatingForAThickFileTakesNothingMore() throws Exception {
    VmfsFile f = volume.createFile("W1/W1-flat.vmdk", 2 * MIB, false);
    volume.allocate(f.path(), MIB);
    assertEquals(8 * MIB, volume.freeBytes());
  }

  @Test
  void aFullVolumeRefusesWithNoSpace() throws Exception {
    NoSpaceException ex = assertThrows(NoSpaceException.class,
        () -> volume.createFile("W1/W1-flat.vmdk", 10 * MIB + 1, false));
    assertTrue(ex.getMessage().startsWith("No space left on device"), ex.getMessage());
    assertTrue(ex.getMessage().contains(UUID.toString()), ex.getMessage());
    assertTrue(volume.file("W1/W1-flat.vmdk").isEmpty(), "a refused create leaves no file");
    assertEquals(10 * MIB, volume.freeBytes());
    volume.createFile("W1/W1-flat.vmdk", 10 * MIB, false);
    assertEquals(0, volume.freeBytes());
    volume.createFile("W1/W1.vmx.thin", MIB, true); // thin: nothing to take yet
    assertThrows(NoSpaceException.class, () -> volume.allocate("W1/W1.vmx.thin", 1));
    assertEquals(0, volume.file("W1/W1.vmx.thin").orElseThrow().allocatedBytes());
  }

  @Test
  void deleteFreesWhatTheFileHeld() throws Exception {
    VmfsFile f = volume.createFile("W1/W1-flat.vmdk", 3 * MIB, true);
    volume.allocate(f.path(), 2 * MIB);
    volume.attachContent(f.path(), new ExtentStore(3 * MIB / 512, 0));
    volume.deleteFile(f.path());
    assertEquals(10 * MIB, volume.freeBytes());
    assertTrue(volume.file(f.path()).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> volume.content(f.path()));
    assertThrows(IllegalArgumentException.class, () -> volume.deleteFile(f.path()));
    loop.run();
    assertEquals(new KernelEvent.FileDeleted(UUID, f.path(), f.handle(), 2 * MIB),
        events.get(events.size() - 1));
  }

  @Test
  void creatingPublishesTheFileWithItsHandleAndAllocation() throws Exception {
    VmfsFile f = volume.createFile("W1/W1-flat.vmdk", MIB + 1, false);
    loop.run();
    assertTrue(events.get(0) instanceof KernelEvent.VolumeMounted, events.toString());
    assertEquals(new KernelEvent.FileCreated(UUID, "W1/W1-flat.vmdk", f.handle(), MIB + 1, 2 * MIB),
        events.get(1));
    assertEquals("/vmfs/volumes/" + UUID + "/W1/W1-flat.vmdk", f.fullPath());
  }

  @Test
  void aPathCanBeCreatedOnce() throws Exception {
    volume.createFile("W1/W1.vmx", 100, false);
    assertThrows(IllegalStateException.class, () -> volume.createFile("W1/W1.vmx", 100, false));
  }

  @Test
  void listReturnsADirectorysFilesInPathOrder() throws Exception {
    for (String p : List.of("W1_2/W1_2.vmx", "W1/W1.vmx", "W1/W1-flat.vmdk", "W10/W10.vmx",
        "W1/W1.nvram", "W1/sub/deep.log", "W1.txt")) {
      volume.createFile(p, 1, true);
    }
    assertEquals(List.of("W1/W1-flat.vmdk", "W1/W1.nvram", "W1/W1.vmx", "W1/sub/deep.log"),
        volume.list("W1").stream().map(VmfsFile::path).toList());
    assertEquals(List.of("W1_2/W1_2.vmx"), volume.list("W1_2").stream().map(VmfsFile::path).toList());
    assertTrue(volume.list("W2").isEmpty());
  }

  @Test
  void aPinnedHandleIsKeptAndDrawnOnesLookLikeVmfsHandles() throws Exception {
    VmfsFile pinned = volume.createFile("W1/W1-flat.vmdk", 1, true, DiskHandle.parse("819390"));
    assertEquals("819390", pinned.handle().toString());
    VmfsFile a = volume.createFile("W1/a", 1, true);
    VmfsFile b = volume.createFile("W1/b", 1, true);
    for (VmfsFile f : List.of(a, b)) {
      assertTrue(f.handle().value() >= 0x100000L && f.handle().value() < 0x10000000L, f.handle().toString());
    }
    assertNotEquals(a.handle(), b.handle());
  }

  @Test
  void drawnHandlesDependOnlyOnTheSeedAndTheVolume() throws Exception {
    VmfsFile f = volume.createFile("W1/a", 1, true);
    // Same seed, with another volume mounted first and drawing handles: same handle here.
    Vmfs other = new Vmfs(new EventLoop(1), new SimRandom(1));
    VmfsVolume first = other.mount(new DatastoreConfig("ds1",
        DatastoreId.of("57396b2a-3d2e4f10-8a3c-f8bc123449c2"), MIB, 1L << 40, 1L << 40, "a", false, PERF));
    first.createFile("X/x", 1, true);
    VmfsVolume again = other.mount(new DatastoreConfig("ds2", UUID, MIB, 1L << 40, 10 * MIB, "a", false, PERF));
    assertEquals(f.handle(), again.createFile("W1/a", 1, true).handle());
  }

  @Test
  void attachContentChecksTheSize() throws Exception {
    volume.createFile("W1/W1-flat.vmdk", MIB, false);
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> volume.attachContent("W1/W1-flat.vmdk", new ExtentStore(MIB / 512 + 1, 0)));
    assertTrue(ex.getMessage().contains("W1/W1-flat.vmdk"), ex.getMessage());
    assertThrows(IllegalArgumentException.class, () -> volume.content("W1/W1-flat.vmdk"));
    ExtentStore content = new ExtentStore(MIB / 512, 0);
    volume.attachContent("W1/W1-flat.vmdk", content);
    assertSame(content, volume.content("W1/W1-flat.vmdk"));
    assertThrows(IllegalArgumentException.class, () -> volume.attachContent("W1/nope", content));
  }

  @Test
  void theVolumeSharesOneServiceWithItsPerformance() {
    assertSame(volume.service(), volume.service());
    assertEquals(PERF, volume.service().performance());
    assertEquals(UUID, volume.id());
  }
}
