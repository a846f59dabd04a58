package org.svmsim.kernel.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Timeout;
import org.svmsim.kernel.copy.dbt.DbtCopy;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.storage.ByteStore;

/**
 * The three write paths on real threads: several guest writers and one copier over disks of real bytes
 * (heap and off-heap; every sector read back is verified against its content, so a torn or misplaced
 * write fails the read).
 * At the end the destination equals the source byte for byte, and every sector holds its last write.
 * Repeated with other seeds and chunk sizes to meet other interleavings; each run is bounded (a few
 * seconds at most on a loaded 2-core machine).
 */
class WritePathsConcurrencyTest {
  private static final long CAPACITY = 12_288; // 6 MiB: 6 lock regions, hundreds of chunks
  private static final long INITIAL = 0x1417;
  private static final int WRITERS = 4;

  /** Heap and off-heap byte stores in turn. */
  private static org.svmsim.kernel.storage.BlockStore disk(long seed, long initialTag) {
    return seed % 2 == 0 ? new org.svmsim.kernel.storage.OffHeapStore(CAPACITY, initialTag)
        : new ByteStore(CAPACITY, initialTag);
  }

  private static long chunk(SplittableRandom random) {
    return 64 + random.nextInt(700); // never aligned to the writers' units nor to the lock regions
  }

  @RepeatedTest(6)
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void mirrorUnderConcurrentWritersEndsByteIdenticalWithEveryWriteAppliedOnce(RepetitionInfo rep)
      throws Exception {
    long seed = rep.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    var source = disk(seed, INITIAL);
    var destination = disk(seed, 0);
    MirrorPass pass = new MirrorPass(source, destination, new RegionLocks(1024, 4));
    Set<Long> completed = ConcurrentHashMap.newKeySet();
    AtomicReference<String> twice = new AtomicReference<>();
    LongAdder heldNow = new LongAdder();
    Thread copier = Thread.currentThread();
    ConcurrentWriters writers = new ConcurrentWriters(CAPACITY, WRITERS, seed, INITIAL, (id, lba, n, tag) -> {
      boolean now = pass.write(new MirrorPass.GuestWrite(id, lba, n, tag), a -> {
        if (!completed.add(a.write().id())) {
          twice.compareAndSet(null, "write " + a.write() + " completed twice");
        }
        if (a.wasHeld() && Thread.currentThread() != copier) {
          twice.compareAndSet(null, "a held write completed outside the copier's thread");
        }
      });
      if (!now) {
        heldNow.increment();
      }
    });
    try (writers) {
      writers.start();
      while (pass.beginChunk(chunk(random)) > 0) {
        Thread.yield(); // let writers meet the chunk in flight
        pass.finishChunk();
      }
      Thread.sleep(20); // writes after the pass: all mirrored
    }
    assertEquals(null, twice.get());
    assertEquals(writers.issued(), completed.size(), "every write completed exactly once");
    assertEquals(0, pass.heldWrites());
    assertEquals(heldNow.sum(), pass.stats().held());
    assertEquals(-1, pass.firstDifference(), "source and destination differ");
    writers.checkLastWrites(source::read, "source");
    writers.checkLastWrites(destination::read, "destination");
    assertEquals(CAPACITY, pass.stats().copiedSectors());
  }

  @RepeatedTest(3)
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void dbtUnderConcurrentWritersEndsByteIdenticalAfterItsStunnedPass(RepetitionInfo rep) throws Exception {
    long seed = rep.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    var source = disk(seed, INITIAL);
    var destination = disk(seed, 0);
    DbtPolicy policy = DbtPolicy.defaults().withBlockSectors(16).withFinalPassBytes(256 << 10)
        .withPasses(6, 6, DbtPolicy.GiveUp.FORCE_FINAL);
    if (seed % 2 == 0) {
      policy = policy.withHotBlockDeferral(128 << 10);
    }
    DbtCopy copy = new DbtCopy(source, destination, policy, new RegionLocks(1024, 4));
    ConcurrentWriters writers = new ConcurrentWriters(CAPACITY, WRITERS, seed, INITIAL,
        (id, lba, n, tag) -> copy.write(lba, n, tag));
    DbtCopy.PassEnd end;
    try (writers) {
      writers.start();
      do {
        while (copy.beginChunk(chunk(random)) > 0) {
          Thread.yield();
          copy.finishChunk();
        }
        end = copy.endPass();
      } while (end.next() == DbtCopy.Next.PASS);
      assertTrue(end.next() == DbtCopy.Next.FINAL || end.next() == DbtCopy.Next.FORCED_FINAL, end::toString);
      writers.stun();
      copy.beginFinalPass();
      while (copy.beginChunk(chunk(random)) > 0) {
        copy.finishChunk();
      }
      assertEquals(DbtCopy.Next.DONE, copy.endPass().next());
      assertEquals(-1, copy.firstDifference(), "source and destination differ after the stunned pass");
    }
    writers.checkLastWrites(destination::read, "destination");
    assertTrue(copy.passes().size() >= 2, "at least the first pass and the stunned one");
  }

  @RepeatedTest(3)
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void snapshotUnderConcurrentWritersConsolidatesEveryWrite(RepetitionInfo rep) throws Exception {
    long seed = rep.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    var source = disk(seed, INITIAL);
    var destination = disk(seed, 0);
    SnapshotPolicy policy = new SnapshotPolicy(16 << (seed % 3), 512 << 10, 6, 6);
    SnapshotCopy copy = new SnapshotCopy(source, destination, policy, c -> seed % 2 == 0 ? new org.svmsim.kernel.storage.OffHeapStore(c, 0) : new ByteStore(c, 0));
    ConcurrentWriters writers = new ConcurrentWriters(CAPACITY, WRITERS, seed, INITIAL,
        (id, lba, n, tag) -> copy.write(lba, n, tag));
    SnapshotCopy.RoundEnd end;
    try (writers) {
      writers.start();
      while (true) {
        while (copy.beginChunk(chunk(random)) > 0) {
          Thread.yield();
          copy.finishChunk();
        }
        end = copy.endRound();
        if (end.next() != SnapshotCopy.Next.ROUND) {
          break;
        }
        copy.beginRound();
      }
      if (end.next() == SnapshotCopy.Next.FINAL) {
        writers.stun();
        copy.beginFinalRound();
        while (copy.beginChunk(chunk(random)) > 0) {
          copy.finishChunk();
        }
        assertEquals(SnapshotCopy.Next.DONE, copy.endRound().next());
      } else {
        writers.stun();
      }
    }
    if (end.next() == SnapshotCopy.Next.FINAL) {
      assertEquals(-1, copy.firstDifference(), "the destination differs from what the VM sees");
      writers.checkLastWrites(destination::read, "destination");
    } else { // did not converge: the VM runs on the source chain, which must hold every write
      writers.checkLastWrites(copy.abandon()::read, "source chain");
    }
    assertTrue(copy.rounds().size() >= 2, "the parent's copy and at least one consolidation");
  }
}
