package org.svmsim.kernel.vmfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;

class VmfsTest {
  private static final DatastoreId A = DatastoreId.of("57396b2a-3d2e4f10-8a3c-f8bc123449c2");
  private static final DatastoreId B = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");

  private final EventLoop loop = new EventLoop(1);
  private final Vmfs vmfs = new Vmfs(loop, new SimRandom(1));

  private static DatastoreConfig ds(String name, DatastoreId id) {
    return new DatastoreConfig(name, id, 8L << 20, 1L << 40, 1L << 39, "array", false, VmfsVolumeTest.PERF);
  }

  @Test
  void mountsVolumesInOrderAndFindsThemByUuid() {
    VmfsVolume b = vmfs.mount(ds("dsB", B));
    VmfsVolume a = vmfs.mount(ds("dsA", A));
    assertEquals(List.of(b, a), vmfs.volumes());
    assertSame(a, vmfs.volume(A));
    assertSame(b, vmfs.volume(B));
    assertEquals(1L << 39, a.freeBytes());
  }

  @Test
  void mountingIsPublished() {
    List<Event> events = new ArrayList<>();
    loop.observe((t, e) -> events.add(e));
    vmfs.mount(ds("dsA", A));
    loop.run();
    assertEquals(List.of(new KernelEvent.VolumeMounted(A, "dsA", 8L << 20, 1L << 40, 1L << 39)), events);
  }

  @Test
  void aVolumeMountsOnceAndUnknownOnesAreRefused() {
    vmfs.mount(ds("dsA", A));
    assertThrows(IllegalStateException.class, () -> vmfs.mount(ds("again", A)));
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> vmfs.volume(B));
    assertTrue(ex.getMessage().contains(B.toString()), ex.getMessage());
  }
}
