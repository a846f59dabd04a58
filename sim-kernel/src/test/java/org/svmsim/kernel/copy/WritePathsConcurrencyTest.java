package org.svmsim.kernel.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svmsim.kernel.copy.dbt.DbtCopy;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.storage.BlockStore;
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
    DbtCopy copy = new DbtCopy(source, destination, policy);
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

  /**
   * DBT's ordering, made to matter: a guest write stops half-way onto the source (its first half landed,
   * the rest not yet) while the copier, on another thread, ends its pass and runs every further pass the
   * policy allows; then the write lands and the VM is stunned. Because the writer marks its blocks only
   * once its bytes landed, and the copier takes the marks before it reads, the stunned pass copies the
   * write. Marking before writing would let a pass take the marks and copy the half-written blocks, the
   * last copy of them: the destination would lack the write's second half.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void dbtCopiesAWriteThatLandsWhileThePassesRunBecauseItIsMarkedAfterItLanded() throws Exception {
    HaltingStore source = new HaltingStore(new ByteStore(CAPACITY, INITIAL));
    ByteStore destination = new ByteStore(CAPACITY, 0);
    DbtCopy copy = new DbtCopy(source, destination, DbtPolicy.defaults().withBlockSectors(16)
        .withFinalPassBytes(0).withPasses(4, 4, DbtPolicy.GiveUp.FORCE_FINAL));
    long lba = 1000;
    long sectors = 64;
    long tag = 0xABCDEF;
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread guest = new Thread(() -> {
      try {
        copy.write(lba, sectors, tag);
      } catch (Throwable e) {
        failed.set(e);
      }
    }, "guest-writer");
    guest.start();
    source.halfway.await();
    DbtCopy.PassEnd end;
    do { // the copier's passes, the write half on the source
      while (copy.beginChunk(256) > 0) {
        copy.finishChunk();
      }
      end = copy.endPass();
    } while (end.next() == DbtCopy.Next.PASS);
    source.release.countDown();
    guest.join(TimeUnit.SECONDS.toMillis(30));
    assertEquals(null, failed.get());
    assertEquals(tag, source.tagAt(lba + sectors - 1), "the write landed on the source");
    copy.beginFinalPass(); // the stun: no write is in flight any more
    while (copy.beginChunk(256) > 0) {
      copy.finishChunk();
    }
    assertEquals(DbtCopy.Next.DONE, copy.endPass().next());
    for (long s = lba; s < lba + sectors; s++) {
      assertEquals(tag, destination.tagAt(s), "sector " + s + " of the write on the destination");
    }
    assertEquals(-1, copy.firstDifference(), "source and destination differ after the stunned pass");
  }

  /**
   * The copier's side of the ordering: a guest write, on its own thread, lands on a block just after the
   * copier's read of that block (the read's bytes are the old ones). The marks of this pass were taken
   * before any read of it, so the write's mark stays for the next pass. A copier that cleared a block's
   * mark after reading it ("copied, so clean") would drop that mark, and the destination would keep the
   * old bytes.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void dbtCopiesAWriteThatLandsJustAfterTheCopierReadItsBlockBecauseTheMarksWereTakenBefore() throws Exception {
    long lba = 2000;
    long sectors = 8;
    long tag = 0xFEED;
    AtomicReference<DbtCopy> copy = new AtomicReference<>();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    HaltingStore source = new HaltingStore(new ByteStore(CAPACITY, INITIAL)) {
      private boolean done;

      @Override
      public Slice readForCopy(long at, long n) {
        Slice read = super.readForCopy(at, n);
        if (!done && at <= lba && lba + sectors <= at + n) { // the guest writes right after this read
          done = true;
          Thread guest = new Thread(() -> {
            try {
              copy.get().write(lba, sectors, tag);
            } catch (Throwable e) {
              failed.set(e);
            }
          }, "guest-writer");
          guest.start();
          try {
            guest.join(TimeUnit.SECONDS.toMillis(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return read;
      }
    };
    source.release.countDown(); // this store's writes do not halt
    ByteStore destination = new ByteStore(CAPACITY, 0);
    copy.set(new DbtCopy(source, destination, DbtPolicy.defaults().withBlockSectors(16)
        .withFinalPassBytes(0).withPasses(4, 4, DbtPolicy.GiveUp.FORCE_FINAL)));
    DbtCopy.PassEnd end;
    do {
      while (copy.get().beginChunk(256) > 0) {
        copy.get().finishChunk();
      }
      end = copy.get().endPass();
    } while (end.next() == DbtCopy.Next.PASS);
    assertEquals(null, failed.get());
    copy.get().beginFinalPass();
    while (copy.get().beginChunk(256) > 0) {
      copy.get().finishChunk();
    }
    assertEquals(DbtCopy.Next.DONE, copy.get().endPass().next());
    assertEquals(tag, destination.tagAt(lba), "the write on the destination");
    assertEquals(-1, copy.get().firstDifference(), "source and destination differ after the stunned pass");
  }

  /** A store whose first write stops half-way (its first half landed) until {@link #release}. */
  private static class HaltingStore implements BlockStore {
    final CountDownLatch halfway = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final BlockStore disk;

    HaltingStore(BlockStore disk) {
      this.disk = disk;
    }

    @Override
    public void write(long lba, long sectors, long tag) {
      if (halfway.getCount() == 0) {
        disk.write(lba, sectors, tag);
        return;
      }
      long half = sectors / 2;
      disk.write(lba, half, tag);
      halfway.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      disk.write(lba + half, sectors - half, tag);
    }

    @Override
    public long capacitySectors() {
      return disk.capacitySectors();
    }

    @Override
    public long tagAt(long lba) {
      return disk.tagAt(lba);
    }

    @Override
    public Slice read(long lba, long sectors) {
      return disk.read(lba, sectors);
    }

    @Override
    public Slice readForCopy(long lba, long sectors) {
      return disk.readForCopy(lba, sectors);
    }

    @Override
    public void write(Slice slice) {
      disk.write(slice);
    }

    @Override
    public long firstDifference(BlockStore other) {
      return disk.firstDifference(other);
    }
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
