package org.svmsim.kernel.vmfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.device.DeviceRegistry;
import org.svmsim.kernel.device.OpenMode;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

class RescannerTest {
  private static final WorldId VMX = new WorldId(808643);
  private static final List<WorldId> HELPERS = List.of(new WorldId(34821), new WorldId(34803));
  private static final DeviceName MIRROR = DeviceName.of("10a80a6-819390-svmmirror");
  private static final long MIN = 7 * VirtualTime.MINUTE;
  private static final long MAX = 9 * VirtualTime.MINUTE;

  private record Timed(long time, Event event) {}

  /** Moves the clock forward before the rescanner starts. */
  private record Nudge() implements Event {}

  private final EventLoop loop = new EventLoop(3);
  private final List<Timed> seen = new ArrayList<>();
  private final DeviceRegistry devices = new DeviceRegistry(loop);

  RescannerTest() {
    loop.observe((t, e) -> {
      if (!(e instanceof KernelEvent.DeviceOpened)) {
        seen.add(new Timed(t, e));
      }
    });
  }

  private void start(long seed, long first, List<Long> pinned) {
    HostConfig host = new HostConfig("esx", "6.0.0", "3620759", 24, first, MIN, MAX, pinned, HELPERS);
    new Rescanner(loop, new SimRandom(seed).split("rescan"), host, devices).start();
  }

  private List<Long> rescanTimes() {
    return seen.stream().filter(t -> t.event() instanceof KernelEvent.RescanDue).map(Timed::time).toList();
  }

  private static WorldId worldOf(Event e) {
    if (e instanceof KernelEvent.ProbeOpenFailed p) {
      return p.world();
    }
    if (e instanceof KernelEvent.VolumeOpenFailed v) {
      return v.world();
    }
    return ((KernelEvent.NoFsDriverClaimed) e).world();
  }

  @Test
  void aDeviceHeldExclusivelyGivesTheFourLineBurstFromOneHelperWorld() throws Exception {
    devices.register(MIRROR, "svm", false);
    devices.open(VMX, MIRROR, OpenMode.EXCLUSIVE);
    long at = VirtualTime.seconds(56);
    start(3, VirtualTime.MINUTE, List.of(at));
    loop.run(at + VirtualTime.seconds(1));

    assertEquals(List.of(at), rescanTimes());
    List<Timed> burst = seen.stream().filter(t -> !(t.event() instanceof KernelEvent.RescanDue)).toList();
    assertEquals(List.of(KernelEvent.ProbeOpenFailed.class, KernelEvent.VolumeOpenFailed.class,
        KernelEvent.VolumeOpenFailed.class, KernelEvent.NoFsDriverClaimed.class),
        burst.stream().map(t -> t.event().getClass()).toList());
    WorldId world = worldOf(burst.get(0).event());
    assertTrue(HELPERS.contains(world), "probe from " + world);
    long previous = at;
    for (Timed t : burst) {
      assertEquals(world, worldOf(t.event()), "one world for the whole burst");
      assertTrue(t.time() >= previous, "times go backwards: " + burst);
      previous = t.time();
    }
    assertEquals(at, burst.get(0).time(), "the probe starts when the rescan is due");
    assertTrue(previous - at <= 2 * VirtualTime.MILLISECOND, "burst spans " + (previous - at) + " ns");
    assertTrue(previous > at, "each attempt takes some time");
    assertEquals(new KernelEvent.ProbeOpenFailed(world, MIRROR, "Busy"), burst.get(0).event());
    assertEquals(new KernelEvent.VolumeOpenFailed(world, MIRROR, "Busy"), burst.get(1).event());
    assertEquals(new KernelEvent.NoFsDriverClaimed(world, MIRROR), burst.get(3).event());
  }

  @Test
  void severalHeldDevicesAreProbedInRegistrationOrderOneAfterTheOther() throws Exception {
    DeviceName second = DeviceName.of("1b2c3d4-5e6f70-svmmirror");
    devices.register(MIRROR, "svm", false);
    devices.register(second, "svm", false);
    devices.open(VMX, MIRROR, OpenMode.EXCLUSIVE);
    devices.open(new WorldId(808700), second, OpenMode.EXCLUSIVE);
    start(3, VirtualTime.MINUTE, List.of());
    loop.run(VirtualTime.MINUTE + VirtualTime.seconds(1));
    List<Timed> burst = seen.stream().filter(t -> !(t.event() instanceof KernelEvent.RescanDue)).toList();
    assertEquals(8, burst.size(), burst.toString());
    long previous = 0;
    for (int i = 0; i < 8; i++) {
      Event e = burst.get(i).event();
      DeviceName d = e instanceof KernelEvent.ProbeOpenFailed p ? p.device()
          : e instanceof KernelEvent.VolumeOpenFailed v ? v.device() : ((KernelEvent.NoFsDriverClaimed) e).device();
      assertEquals(i < 4 ? MIRROR : second, d, "line " + i);
      assertTrue(burst.get(i).time() >= previous);
      previous = burst.get(i).time();
    }
    assertTrue(burst.get(4).time() > burst.get(3).time(), "the second probe starts after the first ends");
  }

  @Test
  void anUnheldDeviceIsOnlyNotClaimedAndFilesystemDevicesAreSkipped() {
    devices.register(DeviceName.of("naa.600508b1001c4a"), "disks", true);
    devices.register(MIRROR, "svm", false);
    start(3, VirtualTime.MINUTE, List.of());
    loop.run(VirtualTime.MINUTE + VirtualTime.seconds(1));
    List<Event> burst = seen.stream().map(Timed::event).filter(e -> !(e instanceof KernelEvent.RescanDue))
        .toList();
    assertEquals(1, burst.size(), burst.toString());
    assertTrue(burst.get(0) instanceof KernelEvent.NoFsDriverClaimed n && n.device().equals(MIRROR));
  }

  @Test
  void withoutDevicesARescanLogsNothing() {
    start(3, VirtualTime.MINUTE, List.of());
    loop.run(VirtualTime.MINUTE);
    assertEquals(List.of(VirtualTime.MINUTE), rescanTimes());
    assertEquals(1, seen.size());
  }

  @Test
  void pinnedTimesAreHonouredThenIntervalsAreDrawnWithinMinAndMax() {
    List<Long> pinned = List.of(VirtualTime.seconds(56), VirtualTime.seconds(483), VirtualTime.seconds(1001));
    start(11, VirtualTime.MINUTE, pinned);
    loop.run(4 * 60 * VirtualTime.MINUTE);
    List<Long> times = rescanTimes();
    assertEquals(pinned, times.subList(0, 3));
    assertTrue(times.size() > 20, "rescans: " + times.size());
    List<Long> gaps = new ArrayList<>();
    for (int i = 3; i < times.size(); i++) {
      long gap = times.get(i) - times.get(i - 1);
      assertTrue(gap >= MIN && gap <= MAX, "gap " + VirtualTime.format(gap) + " after rescan " + i);
      gaps.add(gap);
    }
    assertTrue(gaps.stream().distinct().count() > 1, "intervals are drawn, not fixed: " + gaps);
  }

  @Test
  void withoutPinnedTimesTheFirstComesAtRescanFirst() {
    start(11, VirtualTime.seconds(90), List.of());
    loop.run(60 * VirtualTime.MINUTE);
    List<Long> times = rescanTimes();
    assertEquals(VirtualTime.seconds(90), times.get(0));
    for (int i = 1; i < times.size(); i++) {
      long gap = times.get(i) - times.get(i - 1);
      assertTrue(gap >= MIN && gap <= MAX, "gap " + VirtualTime.format(gap));
    }
  }

  @Test
  void pinnedTimesAlreadyPastAreSkipped() {
    loop.scheduleAt(VirtualTime.seconds(100), new Nudge());
    loop.run(); // now = 100 s
    seen.clear();
    start(11, VirtualTime.MINUTE, List.of(VirtualTime.seconds(50), VirtualTime.seconds(200)));
    loop.run(VirtualTime.seconds(300));
    assertEquals(List.of(VirtualTime.seconds(200)), rescanTimes());
  }

  @Test
  void theSameSeedGivesTheSameRescans() {
    start(21, VirtualTime.MINUTE, List.of());
    loop.run(2 * 60 * VirtualTime.MINUTE);
    List<Long> first = rescanTimes();

    EventLoop other = new EventLoop(3);
    List<Long> again = new ArrayList<>();
    other.observe((t, e) -> {
      if (e instanceof KernelEvent.RescanDue) {
        again.add(t);
      }
    });
    new Rescanner(other, new SimRandom(21).split("rescan"), new HostConfig("esx", "6.0.0", "1", 24,
        VirtualTime.MINUTE, MIN, MAX, List.of(), HELPERS), new DeviceRegistry(other)).start();
    other.run(2 * 60 * VirtualTime.MINUTE);
    assertEquals(first, again);
  }
}
