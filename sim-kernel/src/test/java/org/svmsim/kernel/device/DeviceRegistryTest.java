package org.svmsim.kernel.device;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;

class DeviceRegistryTest {
  private static final WorldId VMX = new WorldId(808643);
  private static final WorldId HELPER = new WorldId(34821);
  private static final WorldId OTHER = new WorldId(34803);
  private static final DeviceName MIRROR = DeviceName.of("10a80a6-819390-svmmirror");

  private final EventLoop loop = new EventLoop(1);
  private final List<Event> events = new ArrayList<>();
  private final DeviceRegistry registry = new DeviceRegistry(loop);

  DeviceRegistryTest() {
    loop.observe((t, e) -> events.add(e));
  }

  @Test
  void registerPutsTheDeviceUnderItsDirectory() {
    DeviceRegistry.Entry e = registry.register(MIRROR, "svm", false);
    assertEquals("/vmfs/devices/svm/10a80a6-819390-svmmirror", e.path());
    assertEquals(MIRROR, e.name());
    assertFalse(e.hasFilesystem());
    assertTrue(registry.find(MIRROR).isPresent());
    assertThrows(IllegalStateException.class, () -> registry.register(MIRROR, "svm", false));
  }

  @Test
  void anExclusiveOpenMakesOtherWorldsBusy() throws Exception {
    registry.register(MIRROR, "svm", false);
    registry.open(VMX, MIRROR, OpenMode.EXCLUSIVE);
    for (OpenMode mode : OpenMode.values()) {
      DeviceBusyException ex = assertThrows(DeviceBusyException.class, () -> registry.open(HELPER, MIRROR, mode));
      assertEquals("Busy", ex.status());
      assertTrue(ex.getMessage().contains(MIRROR.toString()), ex.getMessage());
    }
    assertFalse(registry.canOpen(HELPER, MIRROR));
    assertFalse(registry.canOpen(OTHER, MIRROR));
    assertTrue(registry.canOpen(VMX, MIRROR), "the holder itself can");
  }

  @Test
  void theHolderCanReopen() throws Exception {
    registry.register(MIRROR, "svm", false);
    registry.open(VMX, MIRROR, OpenMode.EXCLUSIVE);
    assertDoesNotThrow(() -> registry.open(VMX, MIRROR, OpenMode.EXCLUSIVE));
    assertFalse(registry.canOpen(HELPER, MIRROR));
  }

  @Test
  void exclusiveIsRefusedWhileAnotherWorldHasTheDeviceOpen() throws Exception {
    registry.register(MIRROR, "svm", false);
    registry.open(HELPER, MIRROR, OpenMode.READ_ONLY);
    assertThrows(DeviceBusyException.class, () -> registry.open(VMX, MIRROR, OpenMode.EXCLUSIVE));
    assertDoesNotThrow(() -> registry.open(VMX, MIRROR, OpenMode.SHARED));
    assertTrue(registry.canOpen(OTHER, MIRROR), "shared opens do not lock others out");
  }

  @Test
  void closingReleasesTheDevice() throws Exception {
    registry.register(MIRROR, "svm", false);
    registry.open(VMX, MIRROR, OpenMode.EXCLUSIVE);
    registry.close(VMX, MIRROR);
    assertTrue(registry.canOpen(HELPER, MIRROR));
    assertDoesNotThrow(() -> registry.open(HELPER, MIRROR, OpenMode.EXCLUSIVE));
  }

  @Test
  void openAndCloseArePublished() throws Exception {
    registry.register(MIRROR, "svm", false);
    registry.open(VMX, MIRROR, OpenMode.EXCLUSIVE);
    assertThrows(DeviceBusyException.class, () -> registry.open(HELPER, MIRROR, OpenMode.SHARED));
    registry.close(VMX, MIRROR);
    loop.run();
    assertEquals(List.of(new KernelEvent.DeviceOpened(VMX, MIRROR, "EXCLUSIVE"),
        new KernelEvent.DeviceClosed(VMX, MIRROR)), events, "a refused open publishes nothing");
  }

  @Test
  void closeAndUnregisterRules() throws Exception {
    registry.register(MIRROR, "svm", false);
    assertThrows(IllegalStateException.class, () -> registry.close(VMX, MIRROR), "not open");
    registry.open(VMX, MIRROR, OpenMode.EXCLUSIVE);
    IllegalStateException stillOpen = assertThrows(IllegalStateException.class,
        () -> registry.unregister(MIRROR));
    assertTrue(stillOpen.getMessage().contains(VMX.toString()), stillOpen.getMessage());
    assertTrue(registry.find(MIRROR).isPresent());
    registry.close(VMX, MIRROR);
    registry.unregister(MIRROR);
    assertTrue(registry.find(MIRROR).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> registry.unregister(MIRROR));
    assertThrows(IllegalArgumentException.class, () -> registry.open(VMX, MIRROR, OpenMode.SHARED));
    assertThrows(IllegalArgumentException.class, () -> registry.canOpen(VMX, MIRROR));
    // The name is free again.
    assertDoesNotThrow(() -> registry.register(MIRROR, "svm", false));
  }

  @Test
  void allListsDevicesInRegistrationOrder() {
    List<String> names = List.of("zz-svmmirror", "aa-svmmirror", "mm-svmmirror");
    names.forEach(n -> registry.register(DeviceName.of(n), "svm", false));
    assertEquals(names, registry.all().stream().map(e -> e.name().toString()).toList());
    registry.unregister(DeviceName.of("aa-svmmirror"));
    assertEquals(List.of("zz-svmmirror", "mm-svmmirror"),
        registry.all().stream().map(e -> e.name().toString()).toList());
  }
}
