package org.svmsim.kernel.copy.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.copy.Interleavings;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy.Next;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy.RoundEnd;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ByteStore;
import org.svmsim.kernel.storage.ExtentStore;

class SnapshotCopyTest {
  private static final long INITIAL = -1;
  private static final int S = BlockStore.SECTOR;
  private final ExtentStore source = new ExtentStore(100, INITIAL);
  private final ExtentStore destination = new ExtentStore(100, 0);

  private SnapshotCopy copy(long stunnedBytes, int maxRounds) {
    return new SnapshotCopy(source, destination, new SnapshotPolicy(10, stunnedBytes, maxRounds, 2),
        c -> new ExtentStore(c, 0));
  }

  private static RoundEnd finishRound(SnapshotCopy c, long size) {
    while (c.beginChunk(size) > 0) {
      c.finishChunk();
    }
    return c.endRound();
  }

  @Test
  void theParentIsCopiedThenEachChildConsolidatedUntilOneIsSmallEnough() {
    SnapshotCopy c = copy(10 * S, 5);
    assertEquals(1, c.write(5, 2, 7));
    assertEquals(INITIAL, source.tagAt(5), "the source is read-only under the snapshot");
    assertEquals(7, c.chain().tagAt(5));
    c.write(50, 20, 8); // two grains: 20 sectors
    RoundEnd parent = finishRound(c, 30);
    assertEquals(new RoundEnd(0, false, 100 * S, 30 * S, Next.ROUND), parent);
    assertEquals(destination, c.chain().base(), "the child is re-parented onto the copy");
    assertEquals(INITIAL, destination.tagAt(5));
    c.beginRound();
    assertEquals(2, c.chain().children().size());
    c.write(90, 1, 9); // the new child
    RoundEnd first = finishRound(c, 7);
    assertEquals(new RoundEnd(1, false, 30 * S, 10 * S, Next.FINAL), first);
    assertEquals(7, destination.tagAt(5));
    assertEquals(8, destination.tagAt(69));
    assertEquals(INITIAL, destination.tagAt(90), "still in the newest child");
    c.beginFinalRound();
    assertThrows(IllegalStateException.class, () -> c.write(0, 1, 1));
    assertEquals(new RoundEnd(2, true, 10 * S, 0, Next.DONE), finishRound(c, 100));
    assertTrue(c.done());
    assertEquals(-1, c.firstDifference());
    assertEquals(9, destination.tagAt(90));
    assertEquals(1, c.chain().depth(), "no child left: the VM runs on the destination");
    assertEquals(40 * S, c.redoLogBytes());
    assertEquals(100 + 40, c.copiedSectors());
    assertEquals(9, c.sourceChain().tagAt(90), "the source chain still reads every write");
  }

  @Test
  void roundsThatDoNotConvergeFailAndTheVmStaysOnAnIntactSourceChain() {
    SnapshotCopy c = copy(0, 3);
    c.write(0, 100, 1);
    assertEquals(Next.ROUND, finishRound(c, 100).next());
    c.beginRound();
    c.write(0, 100, 2);
    RoundEnd end = finishRound(c, 100);
    assertEquals(Next.FAIL, end.next(), "the new child is as large as the one consolidated: a second stall");
    assertThrows(IllegalStateException.class, c::beginRound);
    DiskChain back = c.abandon();
    assertEquals(source, back.base());
    assertEquals(3, back.depth());
    assertEquals(2, back.tagAt(99));
    assertThrows(IllegalStateException.class, () -> c.write(0, 1, 3));
    back.write(0, 1, 3);
    assertEquals(3, back.tagAt(0));
    assertEquals(INITIAL, source.tagAt(0));
  }

  @Test
  void maxRoundsBoundsTheRounds() {
    SnapshotCopy c = copy(0, 0);
    c.write(0, 1, 1);
    assertEquals(Next.FAIL, finishRound(c, 100).next(), "no round allowed beyond the parent copy");
  }

  @Test
  void stepsOutOfOrderAreIllegalStates() {
    SnapshotCopy c = copy(0, 3);
    assertThrows(IllegalStateException.class, c::finishChunk);
    assertThrows(IllegalStateException.class, c::endRound);
    assertThrows(IllegalStateException.class, c::beginRound);
    c.beginChunk(5);
    assertThrows(IllegalStateException.class, () -> c.beginChunk(5));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotCopy(new ExtentStore(10, 0),
        new ExtentStore(11, 0), SnapshotPolicy.defaults(), n -> new ExtentStore(n, 0)));
  }

  // ---- property test: random interleavings across many seeds -----------------------------------

  /**
   * Random interleavings of chunks, guest writes, reads and round ends under random policies. After every
   * step, the VM's chain and the source chain read the last write of every sector, and the source disk
   * holds what it held at the snapshot. After the stunned round the destination alone equals the logical
   * disk; a failed copy leaves the VM on the source chain with every write.
   */
  @Test
  void randomInterleavingsAlwaysReadTheLastWriteAndEndOnAnEqualDestination() {
    Interleavings.runSeeds(300, ExtentStore::new, SnapshotCopyTest::runOneSeed, Next.DONE, Next.FAIL);
  }

  @Test
  void randomInterleavingsOnRealBytes() {
    Interleavings.runSeeds(20, ByteStore::new, SnapshotCopyTest::runOneSeed, Next.DONE, Next.FAIL);
  }

  private static Next runOneSeed(long seed, Interleavings.StoreKind kind) {
    SplittableRandom r = new SplittableRandom(seed);
    int capacity = 16 + r.nextInt(280);
    int grain = 1 + r.nextInt(16);
    SnapshotPolicy policy = new SnapshotPolicy(grain, (long) r.nextInt(capacity / 2) * S, r.nextInt(6),
        1 + r.nextInt(3));
    BlockStore src = kind.create(capacity, INITIAL);
    long[] issued = new long[capacity];
    Arrays.fill(issued, INITIAL);
    long tag = 0;
    for (int i = r.nextInt(5); i > 0; i--) { // content before the snapshot
      int lba = r.nextInt(capacity);
      int end = Math.min(capacity, lba + 1 + r.nextInt(30));
      src.write(lba, end - lba, ++tag);
      Arrays.fill(issued, lba, end, tag);
    }
    long[] atSnapshot = issued.clone();
    BlockStore dst = kind.create(capacity, 0);
    SnapshotCopy copy = new SnapshotCopy(src, dst, policy, c -> kind.create(c, 0));
    double writeRate = r.nextDouble() * 0.8;
    for (int step = 0; ; step++) {
      String where = "seed " + seed + " step " + step + " round " + copy.rounds().size();
      if (step > 100_000) {
        throw new AssertionError(where + ": the copy does not end");
      }
      double x = r.nextDouble();
      if (!copy.stunned() && x < writeRate) {
        int lba = r.nextInt(capacity);
        int end = Math.min(capacity, lba + 1 + r.nextInt(r.nextBoolean() ? 4 : 40));
        copy.write(lba, end - lba, ++tag);
        Arrays.fill(issued, lba, end, tag);
      } else if (x < writeRate + 0.05) {
        int lba = r.nextInt(capacity);
        int len = 1 + r.nextInt(capacity - lba);
        assertArrayEquals(slice(issued, lba, len, capacity), tags(copy.read(lba, len), capacity), where + ": read");
      } else if (copy.inFlight()) {
        copy.finishChunk();
      } else if (copy.beginChunk(1 + r.nextInt(48)) == 0) {
        RoundEnd end = copy.endRound();
        assertSameTags(atSnapshot, src, where + ": the read-only source disk");
        assertSameTags(issued, (Tags) copy.chain()::tagAt, where + ": the VM's chain, sector by sector");
        if (end.next() == Next.DONE) {
          assertSameTags(issued, dst, where + ": destination after the stunned round");
          assertEquals(-1, copy.firstDifference(), where);
          assertEquals(1, copy.chain().depth(), where);
          return Next.DONE;
        }
        if (end.next() == Next.FAIL) {
          DiskChain back = copy.abandon();
          assertSameTags(issued, back, where + ": the source chain after the failure");
          return Next.FAIL;
        }
        if (end.next() == Next.ROUND) {
          copy.beginRound();
        } else {
          copy.beginFinalRound();
        }
      }
      assertSameTags(issued, copy.chain(), where + ": the VM's chain");
      assertSameTags(issued, copy.sourceChain(), where + ": the source chain");
    }
  }

  private interface Tags {
    long tagAt(long lba);
  }

  private static void assertSameTags(long[] model, BlockStore store, String where) {
    assertSameTags(model, (Tags) store::tagAt, where);
  }

  private static void assertSameTags(long[] model, DiskChain chain, String where) {
    long[] seen = tags(chain.read(0, model.length), model.length);
    int s = Arrays.mismatch(model, seen);
    if (s >= 0) {
      fail(where + ": sector " + s + " reads " + seen[s] + ", not its last write " + model[s]);
    }
  }

  private static void assertSameTags(long[] model, Tags store, String where) {
    for (int s = 0; s < model.length; s++) {
      if (store.tagAt(s) != model[s]) {
        fail(where + ": sector " + s + " holds " + store.tagAt(s) + ", not its last write " + model[s]);
      }
    }
  }

  private static long[] tags(BlockStore.Slice slice, int capacity) {
    long[] out = new long[(int) slice.sectors()];
    long[] runs = slice.runs();
    long at = slice.lba();
    for (int i = 0; i < runs.length; i += 3) {
      assertEquals(at, runs[i], "runs are contiguous");
      Arrays.fill(out, (int) (runs[i] - slice.lba()), (int) (runs[i + 1] - slice.lba()), runs[i + 2]);
      at = runs[i + 1];
      assertTrue(at <= capacity);
    }
    assertEquals(slice.lba() + slice.sectors(), at, "runs cover the slice");
    return out;
  }

  private static long[] slice(long[] model, int lba, int len, int capacity) {
    assertTrue(lba + len <= capacity);
    return Arrays.copyOfRange(model, lba, lba + len);
  }
}
