package org.svmsim.kernel.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

class DatastoreServiceTest {
  private static final long MB = 1_000_000;
  private static final long MIB = 1L << 20;
  private static final long LATENCY = VirtualTime.MILLISECOND;

  private final EventLoop loop = new EventLoop(3);

  private DatastoreService service(long bytesPerSecond, long latency, int depth) {
    return new DatastoreService(loop, "ds", new DatastorePerformance(bytesPerSecond, latency, depth));
  }

  /** Completion times by token, in completion order. */
  private static final class Recorder implements IoCompletion {
    final EventLoop loop;
    final List<long[]> done = new ArrayList<>();

    Recorder(EventLoop loop) {
      this.loop = loop;
    }

    @Override
    public void ioCompleted(long token, long arrivedAt, IoStatus status) {
      done.add(new long[] {token, arrivedAt, loop.now()});
    }

    long completedAt(long token) {
      return done.stream().filter(d -> d[0] == token).findFirst().orElseThrow()[2];
    }
  }

  /** Keeps {@code outstanding} I/Os of {@code size} on its stream until {@code until}. */
  private static final class ClosedLoop implements IoCompletion {
    final EventLoop loop;
    final IoStream stream;
    final long size;
    final long until;

    ClosedLoop(EventLoop loop, IoStream stream, long size, int outstanding, long until) {
      this.loop = loop;
      this.stream = stream;
      this.size = size;
      this.until = until;
      for (int i = 0; i < outstanding; i++) {
        stream.write(size, this, 0);
      }
    }

    @Override
    public void ioCompleted(long token, long arrivedAt, IoStatus status) {
      if (loop.now() < until) {
        stream.write(size, this, 0);
      }
    }
  }

  @Test
  void aSingleIoTakesItsTransferPlusTheLatency() {
    DatastoreService ds = service(200 * MB, LATENCY, 32);
    Recorder r = new Recorder(loop);
    IoStream s = ds.openStream("guest");
    loop.wakeAt(VirtualTime.seconds(10), () -> s.write(MB, r, 1));
    loop.wakeAt(VirtualTime.seconds(20), () -> s.write(4096, r, 2));
    loop.run();
    // 1 MB at 200 MB/s is 5 ms; an idle datastore later serves the next from its own arrival.
    assertEquals(VirtualTime.seconds(10) + VirtualTime.millis(5) + LATENCY, r.completedAt(1));
    assertEquals(VirtualTime.seconds(20) + VirtualTime.transfer(4096, 200 * MB) + LATENCY, r.completedAt(2));
    assertEquals(2, ds.completedIos());
    assertEquals(MB + 4096, ds.completedBytes());
    assertEquals(0, s.inFlight());
  }

  @Test
  void queueDepthLimitsHowManyIosAreInService() {
    DatastoreService ds = service(200 * MB, LATENCY, 2);
    Recorder r = new Recorder(loop);
    IoStream s = ds.openStream("s");
    for (int i = 1; i <= 5; i++) {
      s.write(0, r, i);
    }
    assertEquals(2, ds.busySlots());
    assertEquals(5, s.inFlight());
    loop.run();
    // Zero-byte I/Os cost only the latency: two fit at once, the others wait for a slot.
    assertEquals(List.of(LATENCY, LATENCY, 2 * LATENCY, 2 * LATENCY, 3 * LATENCY),
        r.done.stream().map(d -> d[2]).toList());
  }

  @Test
  void aSmallIoWaitsOnlyForTheTransferUnderWay() {
    DatastoreService ds = service(MB, LATENCY, 8);
    Recorder r = new Recorder(loop);
    IoStream copy = ds.openStream("copy");
    IoStream guest = ds.openStream("guest");
    for (int i = 1; i <= 3; i++) {
      copy.write(MB, r, i);
    }
    loop.wakeAt(VirtualTime.millis(1), () -> {
      guest.write(4096, r, 100);
      copy.write(MB, r, 4);
    });
    loop.run();
    long transfer = VirtualTime.transfer(4096, MB);
    // The copy's first transfer is under way and finishes; the guest's I/O, with the lowest start tag,
    // goes next, ahead of the copy's two other I/Os that arrived before it.
    assertEquals(VirtualTime.SECOND + transfer + LATENCY, r.completedAt(100));
    assertEquals(VirtualTime.SECOND + LATENCY, r.completedAt(1));
    assertEquals(2 * VirtualTime.SECOND + transfer + LATENCY, r.completedAt(2));
    assertEquals(4 * VirtualTime.SECOND + transfer + LATENCY, r.completedAt(4));
  }

  @Test
  void aGuestIoArrivingDuringALongBackloggedCopyIsServedAtTheNextFreeSlot() {
    // A copy stream has 1000 I/Os of 1 MiB queued (ten seconds of work); booked ahead, a guest read
    // arriving at 1 s would complete after the whole backlog. Fairly queued, it takes the next free slot
    // and waits only for the transfers already in service.
    int depth = 4;
    DatastoreService ds = service(100 * MB, LATENCY, depth);
    Recorder r = new Recorder(loop);
    IoStream copy = ds.openStream("copy");
    for (int i = 0; i < 1000; i++) {
      copy.write(MIB, r, i);
    }
    IoStream guest = ds.openStream("guest");
    long arrival = VirtualTime.SECOND;
    loop.wakeAt(arrival, () -> guest.write(4096, r, -1));
    loop.run();
    long latency = r.completedAt(-1) - arrival;
    long mib = VirtualTime.transfer(MIB, 100 * MB);
    long idle = VirtualTime.transfer(4096, 100 * MB) + LATENCY;
    // At most: one slot's service time for a slot to free up, the transfer under way, then its own.
    assertTrue(latency >= idle, "latency " + latency);
    assertTrue(latency <= 2 * mib + LATENCY + idle, "latency " + latency + " ns, "
        + "the backlog would be " + 1000 * mib + " ns");
    assertEquals(1001, ds.completedIos());
  }

  @ParameterizedTest(name = "{0} equal streams")
  @ValueSource(ints = {2, 3, 5, 8})
  void equalStreamsEachGetTheirShareOfTheBandwidthWithinTenPercent(int n) {
    DatastoreService ds = service(200 * MB, LATENCY, 4);
    long horizon = VirtualTime.seconds(20);
    List<IoStream> streams = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      IoStream s = ds.openStream("s" + i);
      streams.add(s);
      new ClosedLoop(loop, s, 256 << 10, 4, horizon);
    }
    loop.run();
    long total = ds.completedBytes();
    for (IoStream s : streams) {
      double share = (double) s.completedBytes() / total;
      assertEquals(1.0 / n, share, 0.1 / n, s + " got " + share);
    }
    // The datastore was kept busy: the streams shared the whole pipe between them.
    assertTrue(total >= 0.9 * 200 * MB * 20, "total " + total);
  }

  @Test
  void streamsWithDifferentIoSizesGetEqualBytesNotEqualIos() {
    DatastoreService ds = service(200 * MB, LATENCY, 2);
    long horizon = VirtualTime.seconds(20);
    IoStream small = ds.openStream("64KiB");
    IoStream big = ds.openStream("1MiB");
    new ClosedLoop(loop, small, 64 << 10, 8, horizon);
    new ClosedLoop(loop, big, MIB, 8, horizon);
    loop.run();
    double ratio = (double) small.completedBytes() / big.completedBytes();
    assertEquals(1.0, ratio, 0.1, small.completedBytes() + " vs " + big.completedBytes());
    assertTrue(small.completedIos() > 10 * big.completedIos());
  }

  @Test
  void throughputNeverExceedsTheBandwidth() {
    long bandwidth = 50 * MB;
    DatastoreService ds = service(bandwidth, 300 * VirtualTime.MICROSECOND, 16);
    SimRandom random = new SimRandom(11);
    Recorder r = new Recorder(loop);
    List<IoStream> streams = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      streams.add(ds.openStream("s" + i));
    }
    List<Long> sizes = new ArrayList<>();
    long at = 0;
    for (int i = 0; i < 1500; i++) {
      at += random.exponential(VirtualTime.millis(2));
      long size = 512L * random.nextLong(1, 2049);
      IoStream s = streams.get(random.nextInt(streams.size()));
      int token = i;
      sizes.add(size);
      loop.wakeAt(at, () -> s.write(size, r, token));
    }
    loop.run();
    assertEquals(1500, r.done.size());
    long[] times = r.done.stream().mapToLong(d -> d[2]).toArray();
    long[] prefix = new long[times.length + 1];
    for (int i = 0; i < times.length; i++) {
      prefix[i + 1] = prefix[i] + sizes.get((int) r.done.get(i)[0]);
    }
    // Whatever completes in (t_i, t_j] moved through the pipe within that span.
    for (int i = 0; i < times.length; i++) {
      for (int j = i + 1; j < times.length; j++) {
        long bytes = prefix[j + 1] - prefix[i + 1];
        long span = times[j] - times[i];
        assertTrue(bytes <= (double) bandwidth * span / VirtualTime.SECOND + 1,
            bytes + " bytes completed in " + span + " ns");
      }
    }
  }

  @Test
  void everyHostOnTheFabricSharesOneServicePerDatastore() {
    StorageFabric fabric = new StorageFabric(loop);
    DatastorePerformance perf = new DatastorePerformance(MB, LATENCY, 4);
    DatastoreId uuid = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");
    DatastoreConfig config = new DatastoreConfig("ds", uuid, MIB, 1L << 40, 1L << 40, "a", false, perf);
    DatastoreService first = fabric.attach(config);
    assertSame(first, fabric.attach(config));
    assertSame(first, fabric.service(uuid));
    DatastoreConfig other = new DatastoreConfig("ds", uuid, MIB, 1L << 40, 1L << 40, "a", false,
        new DatastorePerformance(2 * MB, LATENCY, 4));
    assertThrows(IllegalArgumentException.class, () -> fabric.attach(other));
    assertThrows(IllegalArgumentException.class,
        () -> fabric.service(DatastoreId.of("57396b2a-3d2e4f10-8a3c-f8bc123449c2")));
  }

  @Test
  void performanceIsValidated() {
    assertThrows(IllegalArgumentException.class, () -> new DatastorePerformance(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new DatastorePerformance(MB, -1, 1));
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> new DatastorePerformance(MB, 0, 0));
    assertTrue(ex.getMessage().contains("queue depth"), ex.getMessage());
    IoStream s = service(MB, 0, 1).openStream("s");
    assertThrows(IllegalArgumentException.class, () -> s.write(-1, (t, a, st) -> { }, 0));
  }
}
