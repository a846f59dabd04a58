package org.svmsim.vmx;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.DiskConfig;
import org.svmsim.vmx.config.VmConfig;
import org.svmsim.vmx.config.WorkloadConfig;

/** A kernel and a VMX on a real event loop, with the agents' commands sent by hand. */
final class VmxHarness {
  static final DatastoreId SRC = DatastoreId.of("57396b2a-3d2e4f10-8a3c-f8bc123449c2");
  static final DatastoreId DST = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");
  static final VmId VM = VmId.of("W1_2");

  final EventLoop loop;
  final Vmkernel kernel;
  final Vmx vmx;
  final List<Event> events = new ArrayList<>();
  final List<Long> times = new ArrayList<>();

  VmxHarness(long seed, long diskSectors, WorkloadConfig workload, long chunkSectors, long dstBlockSize,
      long dstFree) {
    this(seed, diskSectors, workload, dstBlockSize, dstFree, 1, false);
  }

  VmxHarness(long seed, long diskSectors, WorkloadConfig workload, long dstBlockSize, long dstFree,
      int diskCount, boolean thin) {
    loop = new EventLoop(seed);
    loop.observe((t, e) -> {
      events.add(e);
      times.add(t);
    });
    SimRandom random = new SimRandom(seed);
    HostConfig host = new HostConfig("esx", "6.0.0", "3620759", 24, 60 * VirtualTime.SECOND,
        7 * VirtualTime.MINUTE, 9 * VirtualTime.MINUTE, List.of(), List.of(new WorldId(34821)));
    var perf = new DatastorePerformance(200_000_000L, VirtualTime.MILLISECOND, 32);
    kernel = new Vmkernel(loop, random.split("kernel"), host, List.of(
        new DatastoreConfig("src", SRC, 1 << 20, 1L << 40, 1L << 40, "a", false, perf),
        new DatastoreConfig("dst", DST, dstBlockSize, 1L << 40, dstFree, "b", false, perf)));
    List<DiskConfig> disks = new ArrayList<>();
    for (int i = 0; i < diskCount; i++) {
      disks.add(new DiskConfig(i == 0 ? "W1_2.vmdk" : "W1_2_" + i + ".vmdk", diskSectors, thin,
          new DiskHandle(0x10a80a6L + i), new DiskHandle(0x819390L + i)));
    }
    VmConfig vm = new VmConfig(VM, SRC, new WorldId(808643), 808600, "56 4d", 2, 4L << 30, "other", disks,
        workload);
    vmx = Vmx.install(loop, kernel, random.split("vmx"), List.of(vm));
    kernel.start();
  }

  void powerOnAndMigrate(long migrateAt, long chunkSectors) {
    powerOnAndMigrate(migrateAt, chunkSectors, 100 * VirtualTime.SECOND);
  }

  void powerOnAndMigrate(long migrateAt, long chunkSectors, long maxSwitchoverNanos) {
    powerOnAndMigrate(migrateAt, Method.MIRROR, new MigrationOptions(chunkSectors, "auto", maxSwitchoverNanos));
  }

  void powerOnAndMigrate(long migrateAt, Method method, MigrationOptions options) {
    loop.scheduleAt(0, new VmxEvent.StartVmx(VM, SRC, false));
    loop.scheduleAt(migrateAt - VirtualTime.SECOND, new VmxEvent.StartVmx(VM, DST, true));
    loop.scheduleAt(migrateAt, new VmxEvent.StartSvmotion(VM, method, DST,
        MigrationId.parse("1463662769720447"), "ab12cd34", options));
  }

  /** Runs until the migration reports, then a little longer so the guest writes on the destination. */
  VmxEvent.SvmotionFinished runMigration() {
    return runMigration(5 * VirtualTime.SECOND);
  }

  /** Runs until the migration reports, then {@code afterNanos} more of guest I/O on wherever the VM runs. */
  VmxEvent.SvmotionFinished runMigration(long afterNanos) {
    VmxEvent.SvmotionFinished[] done = {null};
    loop.subscribe(VmxEvent.SvmotionFinished.class, e -> {
      done[0] = e;
      loop.scheduleAt(loop.now() + afterNanos, new VmxEvent.StopVmx(VM));
    });
    loop.subscribe(VmxEvent.VmxStopped.class, e -> loop.stop());
    loop.run(30 * VirtualTime.MINUTE);
    return done[0];
  }

  /** Every event with its virtual time, in dispatch order. */
  void forEachTimed(java.util.function.BiConsumer<Long, Event> action) {
    for (int i = 0; i < events.size(); i++) {
      action.accept(times.get(i), events.get(i));
    }
  }

  TimedEvents loopTimes() {
    return this::forEachTimed;
  }

  /** The recorded events, for a lambda over (time, event). */
  interface TimedEvents {
    void forEach(java.util.function.BiConsumer<Long, Event> action);
  }

  <E extends Event> List<E> all(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The guest's write latencies, in nanoseconds, in completion order. */
  long[] writeLatencies() {
    return all(org.svmsim.kernel.event.KernelEvent.GuestIoCompleted.class).stream().filter(c -> c.write())
        .mapToLong(c -> c.latencyNanos()).toArray();
  }

  VmxProcess process() {
    return vmx.process(VM);
  }

  private static void assertSame(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  long lostWrites() {
    var p = process();
    var volume = kernel.vmfs().volume(p.home());
    long lost = 0;
    for (var d : p.disks()) {
      assertSame(volume.content(VmFiles.flat(VM, d.config())) == d.content() || !(d.content() instanceof
          org.svmsim.kernel.storage.ExtentStore), "the VM runs on its home's disk");
      lost += d.audit().lostWrites(d.content());
    }
    return lost;
  }
}
