package org.svmsim.kernel.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.io.GuestIo;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.VirtualTime;

class SvmMirrorDeviceTest {
  private static final VmId VM = VmId.of("W1_2");
  private static final MigrationOptions OPTIONS = new MigrationOptions(512, "auto", 100 * VirtualTime.SECOND);

  /** The guest issues {@code io} now. */
  private record Issue(GuestIo io) implements Event {}

  private final Map<Long, Long> issuedAt = new LinkedHashMap<>();
  private final Map<Long, Long> completedAt = new LinkedHashMap<>();
  private final Map<Long, Long> chunkCopiedAt = new LinkedHashMap<>();

  private SvmFixture fixture(boolean thin, long free) throws Exception {
    SvmFixture f = new SvmFixture(4096, thin, free);
    f.loop.observe((t, e) -> {
      if (e instanceof Issue i) {
        issuedAt.put(i.io().id(), t);
      } else if (e instanceof KernelEvent.GuestIoCompleted c) {
        completedAt.put(c.ioId(), t);
      } else if (e instanceof KernelEvent.ChunkCopied c) {
        chunkCopiedAt.put(c.lba(), t);
      }
    });
    return f;
  }

  private static GuestIo write(long id, long lba, long sectors) {
    return new GuestIo(VM, 0, id, true, lba, sectors, 1000 + id);
  }

  private static Map<Long, String> routes(SvmFixture f) {
    Map<Long, String> out = new LinkedHashMap<>();
    f.of(KernelEvent.GuestIoCompleted.class)
        .forEach(c -> out.put(c.ioId(), c.route() + (c.waited() ? "_AFTER_WAIT" : "")));
    return out;
  }

  @Test
  void guestWritesDuringTheCopyAreRoutedByTheMirrorRules() throws Exception {
    SvmFixture f = fixture(false, 1L << 40);
    SvmMirrorDevice dev = f.make();
    f.loop.subscribe(Issue.class, e -> dev.submit(e.io()));
    f.loop.subscribe(KernelEvent.ChunkCopied.class, e -> {
      if (e.lba() == 0) { // the driver already began [512, 1024)
        f.loop.publish(new Issue(write(1, 10, 8)));
        f.loop.publish(new Issue(write(2, 500, 12)));
        f.loop.publish(new Issue(write(3, 600, 8)));
        f.loop.publish(new Issue(write(4, 508, 8)));
        f.loop.publish(new Issue(write(5, 1020, 10)));
        f.loop.publish(new Issue(write(6, 3000, 8)));
        f.loop.publish(new Issue(new GuestIo(VM, 0, 7, false, 0, 8, 0)));
      }
    });
    f.copy(dev, OPTIONS);
    f.loop.run();

    assertEquals(Map.of(1L, "MIRRORED", 2L, "MIRRORED", 3L, "MIRRORED_AFTER_WAIT", 4L, "MIRRORED_AFTER_WAIT",
        5L, "SPLIT_AFTER_WAIT", 6L, "SOURCE_ONLY", 7L, "SOURCE_ONLY"), routes(f));
    // A held write completes only after the chunk it waited for, and reports its whole latency.
    long chunk2 = chunkCopiedAt.get(512L);
    for (long id : List.of(3L, 4L, 5L)) {
      assertTrue(completedAt.get(id) >= chunk2, "write " + id + " completed before its chunk");
    }
    for (KernelEvent.GuestIoCompleted c : f.of(KernelEvent.GuestIoCompleted.class)) {
      assertEquals(completedAt.get(c.ioId()) - issuedAt.get(c.ioId()), c.latencyNanos(), "io " + c.ioId());
    }
    assertEquals(-1, f.source.firstDifference(f.destination));
    assertEquals(1004, f.source.tagAt(508));
    assertEquals(1005, f.destination.tagAt(1029));

    f.driver.destroy(dev);
    f.loop.run();
    KernelEvent.SvmMirrorStats s = f.of(KernelEvent.SvmMirrorStats.class).get(0);
    assertEquals(1, s.reads());
    assertEquals(8 * 512, s.readBytes());
    assertEquals(6, s.writes());
    assertEquals((8 + 12 + 8 + 8 + 10 + 8) * 512, s.writeBytes());
    assertEquals(1, s.sourceOnlyWrites());
    assertEquals(4, s.mirroredWrites());
    assertEquals(1, s.splitWrites());
    assertEquals(3, s.heldWrites());
    assertEquals(4096L * 512, s.copiedBytes());
  }

  @Test
  void aMirroredWriteCompletesWhenBothDisksHaveIt() throws Exception {
    SvmFixture f = fixture(false, 1L << 40);
    SvmMirrorDevice dev = f.make();
    f.loop.subscribe(Issue.class, e -> dev.submit(e.io()));
    f.copy(dev, OPTIONS);
    f.loop.run();
    // The copy is over: every write is mirrored and pays both queues.
    f.loop.publish(new Issue(write(1, 0, 8)));
    f.loop.run();
    KernelEvent.GuestIoCompleted c = f.of(KernelEvent.GuestIoCompleted.class).get(0);
    assertEquals(IoRoute.MIRRORED, c.route());
    assertFalse(c.waited());
    assertTrue(c.latencyNanos() >= VirtualTime.MILLISECOND, "pays at least one latency: " + c.latencyNanos());
    assertEquals(1001, f.destination.tagAt(7));
  }

  @Test
  void aMirroredWriteWaitsForTheSlowerDiskAndAReadForTheSourceOnly() throws Exception {
    var slow = new DatastorePerformance(50_000_000L, 5 * VirtualTime.MILLISECOND, 32);
    SvmFixture f = new SvmFixture(4096, false, 1L << 40, slow);
    SvmMirrorDevice dev = f.make();
    f.copy(dev, OPTIONS);
    f.loop.run();
    long at = f.loop.now() + VirtualTime.SECOND;
    f.loop.wakeAt(at, () -> {
      dev.submit(write(1, 0, 8));
      dev.submit(new GuestIo(VM, 0, 2, false, 64, 8, 0));
    });
    f.loop.run();
    Map<Long, KernelEvent.GuestIoCompleted> done = new LinkedHashMap<>();
    f.of(KernelEvent.GuestIoCompleted.class).forEach(c -> done.put(c.ioId(), c));
    // Idle datastores: each I/O costs its transfer plus its datastore's latency; the mirrored write is
    // acknowledged when the slower destination write is done, the read pays the source alone (after the
    // write's transfer there, which came first).
    long onSlow = VirtualTime.transfer(4096, slow.bytesPerSecond()) + slow.latencyNanos();
    long onSource = VirtualTime.transfer(4096, SvmFixture.PERF.bytesPerSecond()) + SvmFixture.PERF.latencyNanos();
    assertEquals(IoRoute.MIRRORED, done.get(1L).route());
    assertEquals(onSlow, done.get(1L).latencyNanos());
    assertEquals(onSource + VirtualTime.transfer(4096, SvmFixture.PERF.bytesPerSecond()),
        done.get(2L).latencyNanos());
    assertEquals(1001, f.destination.tagAt(7));
    assertEquals(1001, f.source.tagAt(7));
  }

  @Test
  void aFullThinDestinationFailsTheCopyAndAbandonReleasesHeldWritesToTheSource() throws Exception {
    SvmFixture f = fixture(true, SvmFixture.MIB);
    SvmMirrorDevice dev = f.make();
    f.loop.subscribe(Issue.class, e -> dev.submit(e.io()));
    f.loop.subscribe(KernelEvent.ChunkCopied.class, e -> {
      if (e.lba() == 1536) {
        // 1 MiB free holds the first four 256 KiB chunks; this write lands in the fifth: held, then the
        // fifth chunk finds the volume full.
        f.loop.publish(new Issue(write(1, 2056, 8)));
      }
    });
    f.copy(dev, OPTIONS);
    f.loop.run();

    List<KernelEvent.CopyFailed> failed = f.of(KernelEvent.CopyFailed.class);
    assertEquals(1, failed.size(), f.events.toString());
    assertTrue(failed.get(0).reason().contains("No space"), failed.get(0).reason());
    assertTrue(f.of(KernelEvent.CopyPassCompleted.class).isEmpty());
    assertEquals(Map.of(1L, "SOURCE_ONLY_AFTER_WAIT"), routes(f));
    assertEquals(1001, f.source.tagAt(2056));
    assertEquals(0, f.destination.tagAt(2056));
    assertEquals(4 * 512, failed.get(0).copiedSectors(), "whole blocks are taken once, not per chunk");
  }

  @Test
  void theCopyRunsOnce() throws Exception {
    SvmFixture f = fixture(false, 1L << 40);
    SvmMirrorDevice dev = f.make();
    f.copy(dev, OPTIONS);
    f.loop.run();
    assertThrows(IllegalStateException.class, dev::copyPlan);
  }
}
