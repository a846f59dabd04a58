package org.svmsim.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.copy.mover.RangeCopy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.perf.DatastoreService;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.storage.ExtentStore;

class DirectDiskTest {
  private static final VmId VM = VmId.of("W1_2");
  private static final DatastorePerformance PERF =
      new DatastorePerformance(200_000_000L, 2 * VirtualTime.MILLISECOND, 32);

  private final EventLoop loop = new EventLoop(1);
  private final DatastoreService source = new DatastoreService(loop, "src", PERF);
  private final DatastoreService destination = new DatastoreService(loop, "dst", PERF);
  private final ExtentStore store = new ExtentStore(1 << 20, -1);
  private final DirectDisk disk = new DirectDisk(loop, store, source.openStream("W1_2 scsi0:0"));
  private final List<KernelEvent.GuestIoCompleted> done = new ArrayList<>();

  DirectDiskTest() {
    loop.observe((t, e) -> {
      if (e instanceof KernelEvent.GuestIoCompleted c) {
        done.add(c);
      }
    });
  }

  private static long idle(long bytes) {
    return VirtualTime.transfer(bytes, PERF.bytesPerSecond()) + PERF.latencyNanos();
  }

  @Test
  void aWriteLandsAtOnceAndIsAcknowledgedAfterItsTransferAndLatency() {
    loop.wakeAt(VirtualTime.SECOND, () -> disk.submit(new GuestIo(VM, 0, 1, true, 8, 8, 77)));
    loop.run();
    assertEquals(77, store.tagAt(8));
    assertEquals(1, done.size());
    assertEquals(IoRoute.DIRECT, done.get(0).route());
    assertEquals(idle(4096), done.get(0).latencyNanos());
    assertEquals(VirtualTime.SECOND + idle(4096), loop.now());
  }

  @Test
  void aGuestReadDuringAnFsdmCopyWaitsOnlyForTheCopysTransferUnderWay() {
    // The old model booked a whole 1 MiB fsdm chunk ahead, so a read 1 us into it waited ~50 ms.
    RangeCopy.start(loop, DataMover.FSDM, source.openStream("copy"), destination.openStream("copy"),
        1L << 20, (token, at, status) -> { }, 0);
    loop.wakeAt(VirtualTime.MICROSECOND, () -> disk.submit(new GuestIo(VM, 0, 1, false, 0, 8, 0)));
    loop.run();
    long latency = done.get(0).latencyNanos();
    assertTrue(latency >= idle(4096), "latency " + latency);
    assertTrue(latency <= idle(4096) + VirtualTime.transfer(64 << 10, PERF.bytesPerSecond()),
        "latency " + latency + " ns: more than the one 64 KiB transfer ahead of it");
  }
}
