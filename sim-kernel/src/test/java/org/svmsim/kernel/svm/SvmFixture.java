package org.svmsim.kernel.svm;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.copy.CopyJobs;
import org.svmsim.kernel.device.DeviceRegistry;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentStore;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/** Two volumes, a source disk and its destination copy, a driver, on a real event loop. */
final class SvmFixture {
  static final WorldId VMX = new WorldId(808643);
  static final DiskHandle PRIMARY = DiskHandle.parse("10a80a6");
  static final DiskHandle SECONDARY = DiskHandle.parse("819390");
  static final long MIB = 1L << 20;
  static final long INITIAL = -7;

  final EventLoop loop = new EventLoop(5);
  final List<Event> events = new ArrayList<>();
  final DeviceRegistry devices = new DeviceRegistry(loop);
  final SvmDriver driver = new SvmDriver(loop, devices);
  final CopyJobs copies = new CopyJobs(loop);
  final VmfsVolume src;
  final VmfsVolume dst;
  final VmfsFile primary;
  final VmfsFile secondary;
  final ExtentStore source;
  final ExtentStore destination;

  static final DatastorePerformance PERF = new DatastorePerformance(200_000_000L, VirtualTime.MILLISECOND, 32);

  SvmFixture(long sectors, boolean thinDestination, long destinationFree) throws NoSpaceException {
    this(sectors, thinDestination, destinationFree, PERF);
  }

  /** As above, with the destination datastore's own performance. */
  SvmFixture(long sectors, boolean thinDestination, long destinationFree, DatastorePerformance destinationPerf)
      throws NoSpaceException {
    loop.observe((t, e) -> events.add(e));
    var perf = PERF;
    Vmfs vmfs = new Vmfs(loop, new SimRandom(5));
    src = vmfs.mount(new DatastoreConfig("src", DatastoreId.of("57396b2a-3d2e4f10-8a3c-f8bc123449c2"), MIB,
        1L << 40, 1L << 40, "a", false, perf));
    dst = vmfs.mount(new DatastoreConfig("dst", DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2"), MIB,
        1L << 40, destinationFree, "b", false, destinationPerf));
    long bytes = sectors * BlockStore.SECTOR;
    primary = src.createFile("W1_2/W1_2-flat.vmdk", bytes, false, PRIMARY);
    secondary = dst.createFile("W1_2/W1_2-flat.vmdk", bytes, thinDestination, SECONDARY);
    source = new ExtentStore(sectors, INITIAL);
    destination = new ExtentStore(sectors, 0);
    src.attachContent(primary.path(), source);
    dst.attachContent(secondary.path(), destination);
  }

  SvmMirrorDevice make() {
    return driver.makeDevice(VMX, src, primary, source, dst, secondary, destination);
  }

  /** The kernel's copy job for the device, running the mirror's one pass. */
  CopyJobId copy(SvmMirrorDevice dev, MigrationOptions options) {
    CopyJobId job = copies.create(VMX, src, primary, source, dst, secondary, options);
    copies.pass(job, dev.copyPlan());
    return job;
  }

  <E extends Event> List<E> of(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
