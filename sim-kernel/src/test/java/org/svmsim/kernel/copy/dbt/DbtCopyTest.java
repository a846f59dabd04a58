package org.svmsim.kernel.copy.dbt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.copy.Interleavings;
import org.svmsim.kernel.copy.dbt.DbtCopy.Next;
import org.svmsim.kernel.copy.dbt.DbtCopy.PassEnd;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ByteStore;
import org.svmsim.kernel.storage.ExtentStore;

class DbtCopyTest {
  private static final long INITIAL = -1;
  private static final int KIB = 1024;
  private final ExtentStore source = new ExtentStore(100, INITIAL);
  private final ExtentStore destination = new ExtentStore(100, 0);

  private static DbtPolicy policy(long blockSectors, long finalPassBytes) {
    return DbtPolicy.defaults().withBlockSectors(blockSectors).withFinalPassBytes(finalPassBytes);
  }

  /** Copies the rest of the pass in chunks of {@code size} and ends it. */
  private static PassEnd finishPass(DbtCopy copy, long size) {
    while (copy.beginChunk(size) > 0) {
      copy.finishChunk();
    }
    return copy.endPass();
  }

  @Test
  void theFirstPassCopiesTheWholeDiskThenOnlyWhatWasDirtied() {
    DbtCopy copy = new DbtCopy(source, destination, policy(10, 0));
    assertEquals(30, copy.beginChunk(30));
    copy.finishChunk();
    assertEquals(1, copy.write(5, 2, 7), "a block already copied: dirty for the next pass");
    assertEquals(1, copy.write(55, 1, 8), "ahead of the copier: marked too");
    PassEnd first = finishPass(copy, 30);
    assertEquals(new PassEnd(1, false, 100 * 512, 20 * 512, 0, Next.PASS), first);
    assertEquals(7, source.tagAt(5));
    assertEquals(INITIAL, destination.tagAt(5), "the guest wrote the copied block after its copy");
    assertEquals(8, destination.tagAt(55), "the copier reached it later");
    // Pass 2: the two dirty blocks, [0, 10) and [50, 60), one run each.
    assertEquals(10, copy.beginChunk(30));
    copy.finishChunk();
    assertEquals(7, destination.tagAt(5));
    assertEquals(10, copy.beginChunk(30));
    copy.finishChunk();
    assertEquals(0, copy.beginChunk(30));
    PassEnd second = copy.endPass();
    assertEquals(Next.FINAL, second.next(), "nothing was dirtied");
    copy.beginFinalPass();
    assertThrows(IllegalStateException.class, () -> copy.write(0, 1, 9));
    assertEquals(new PassEnd(3, true, 0, 0, 0, Next.DONE), finishPass(copy, 30));
    assertTrue(copy.done());
    assertEquals(-1, copy.firstDifference());
    assertArrayEquals(new long[] {20 * 512, 0}, copy.dirtyBytesPerPass());
    assertEquals(120, copy.copiedSectors());
  }

  @Test
  void aWriteToTheChunkInFlightIsCopiedAgainNextPass() {
    DbtCopy copy = new DbtCopy(source, destination, policy(10, 0));
    copy.beginChunk(20);
    copy.write(12, 1, 7);
    copy.finishChunk();
    assertEquals(INITIAL, destination.tagAt(12), "the chunk was read before the write");
    PassEnd end = finishPass(copy, 100);
    assertEquals(10 * 512, end.dirtyBytes());
    finishPass(copy, 100);
    assertEquals(7, destination.tagAt(12));
  }

  @Test
  void aSmallEnoughDirtySetGoesStraightToTheStunnedPass() {
    DbtCopy copy = new DbtCopy(source, destination, policy(10, 20 * 512));
    copy.beginChunk(100);
    copy.finishChunk();
    copy.write(0, 20, 7);
    assertEquals(0, copy.beginChunk(100));
    assertEquals(Next.FINAL, copy.endPass().next());
    assertEquals(20, copy.passRemainingSectors());
    copy.beginFinalPass();
    assertEquals(PassEnd.class, finishPass(copy, 7).getClass());
    assertEquals(-1, copy.firstDifference());
  }

  @Test
  void passesThatDoNotShrinkGiveUpAsThePolicySays() {
    for (DbtPolicy.GiveUp giveUp : DbtPolicy.GiveUp.values()) {
      ExtentStore src = new ExtentStore(100, INITIAL);
      DbtCopy copy = new DbtCopy(src, new ExtentStore(100, 0), policy(10, 0).withPasses(10, 2, giveUp));
      copy.write(0, 100, 1); // dirties everything during pass 1: no shrink
      PassEnd p1 = finishPass(copy, 100);
      assertEquals(Next.PASS, p1.next(), "one stall is tolerated");
      copy.write(0, 100, 2);
      PassEnd p2 = finishPass(copy, 100);
      Next expected = giveUp == DbtPolicy.GiveUp.FAIL ? Next.FAIL : Next.FORCED_FINAL;
      assertEquals(expected, p2.next());
      if (expected == Next.FAIL) {
        assertThrows(IllegalStateException.class, copy::beginFinalPass);
        copy.abandon();
        assertEquals(2, src.tagAt(99), "the source has every write");
      } else {
        copy.beginFinalPass();
        finishPass(copy, 100);
        assertEquals(-1, copy.firstDifference());
      }
    }
  }

  @Test
  void maxPassesBoundsTheIterationEvenWhenItShrinks() {
    DbtCopy copy = new DbtCopy(source, destination, policy(1, 0).withPasses(2, 5, DbtPolicy.GiveUp.FAIL));
    copy.write(0, 50, 1);
    assertEquals(Next.PASS, finishPass(copy, 100).next());
    copy.write(0, 10, 2);
    assertEquals(Next.FAIL, finishPass(copy, 100).next());
  }

  @Test
  void hotBlocksWaitForTheFinalPassWithinTheirBudget() {
    DbtPolicy p = policy(10, 0).withHotBlockDeferral(2 * 10 * 512); // room for two blocks
    DbtCopy copy = new DbtCopy(source, destination, p);
    for (int i = 0; i < 3; i++) {
      copy.write(5, 1, 10 + i); // block 0, three times
      copy.write(25, 1, 20 + i); // block 2
      copy.write(45, 1, 30 + i); // block 4: no room left for it
    }
    copy.write(65, 1, 40); // block 6, once
    PassEnd end = finishPass(copy, 100);
    assertEquals(2 * 10 * 512, end.dirtyBytes(), "blocks 4 and 6 go to the next pass");
    assertEquals(2 * 10 * 512, end.deferredBytes());
    assertEquals(Next.PASS, end.next());
    copy.write(5, 1, 50); // a deferred block written again stays out of the passes
    PassEnd second = finishPass(copy, 100);
    assertEquals(0, second.dirtyBytes());
    assertEquals(Next.FINAL, second.next());
    assertEquals(32, destination.tagAt(45));
    assertEquals(12, destination.tagAt(5), "deferred: the second pass did not copy its later write");
    assertEquals(20, copy.deferredSectors());
    copy.beginFinalPass();
    assertEquals(20, copy.passRemainingSectors());
    finishPass(copy, 100);
    assertEquals(50, destination.tagAt(5));
    assertEquals(-1, copy.firstDifference());
  }

  @Test
  void stepsOutOfOrderAreIllegalStates() {
    DbtCopy copy = new DbtCopy(source, destination, policy(10, 0));
    assertThrows(IllegalStateException.class, copy::finishChunk);
    assertThrows(IllegalStateException.class, copy::endPass, "the pass has work left");
    copy.beginChunk(5);
    assertThrows(IllegalStateException.class, () -> copy.beginChunk(5));
    assertThrows(IllegalStateException.class, copy::beginFinalPass);
    assertThrows(IllegalArgumentException.class,
        () -> new DbtCopy(new ExtentStore(10, 0), new ExtentStore(11, 0), DbtPolicy.defaults()));
    assertThrows(IllegalArgumentException.class, () -> policy(0, 0));
  }

  @Test
  void aTwoTebibyteDiskTracksInAFewMebibytes() {
    long capacity = (2L << 40) / BlockStore.SECTOR;
    DbtCopy copy = new DbtCopy(new ExtentStore(capacity, INITIAL), new ExtentStore(capacity, 0),
        DbtPolicy.defaults());
    assertEquals(2 * (16 + (4L << 20)), copy.bitmapBytes(),
        "two bitmaps of 4 MiB: this pass's set and the dirty one");
    copy.write(capacity - 8, 8, 5);
    copy.write(0, 8, 5);
    PassEnd end = finishPass(copy, 64L * KIB * KIB / 512 * 1024); // 64 GiB chunks
    assertEquals(2 * 64 * KIB, end.dirtyBytes());
    assertEquals(capacity, copy.copiedSectors());
  }

  // ---- property test: random interleavings across many seeds -----------------------------------

  /**
   * Random interleavings of chunks, guest writes and pass ends under random policies. Checked: the
   * source always holds the last write to every sector; at each pass boundary every sector where the disks
   * differ is due again (next set or deferred), and the pass's dirty and deferred bytes are those of an
   * independent model; after the stunned final pass the disks are equal and hold the last writes; a failed
   * copy leaves a complete source.
   */
  @Test
  void randomInterleavingsEndWithEqualDisksOrACompleteSource() {
    Interleavings.runSeeds(300, ExtentStore::new, DbtCopyTest::runOneSeed, Next.DONE, Next.FAIL);
  }

  @Test
  void randomInterleavingsOnRealBytesEndWithByteIdenticalDisks() {
    Interleavings.runSeeds(40, ByteStore::new, DbtCopyTest::runOneSeed, Next.DONE, Next.FAIL);
  }

  private static Next runOneSeed(long seed, Interleavings.StoreKind kind) {
    SplittableRandom r = new SplittableRandom(seed);
    int capacity = 16 + r.nextInt(280);
    int bs = 1 << r.nextInt(5);
    int blocks = (capacity + bs - 1) / bs;
    DbtPolicy policy = policy(bs, (long) r.nextInt(capacity / 3) * 512)
        .withPasses(1 + r.nextInt(6), 1 + r.nextInt(3), r.nextBoolean() ? DbtPolicy.GiveUp.FAIL
            : DbtPolicy.GiveUp.FORCE_FINAL);
    long room = 0;
    if (r.nextBoolean()) {
      room = (long) r.nextInt(blocks / 2 + 1);
      policy = policy.withHotBlockDeferral(room * bs * 512 + r.nextInt(bs * 512));
    }
    BlockStore src = kind.create(capacity, INITIAL);
    BlockStore dst = kind.create(capacity, 0);
    DbtCopy copy = new DbtCopy(src, dst, policy);
    long[] issued = new long[capacity];
    Arrays.fill(issued, INITIAL);
    int[] writesThisPass = new int[blocks];
    boolean[] deferred = new boolean[blocks];
    long tag = 0;
    double writeRate = r.nextDouble();
    for (int step = 0; ; step++) {
      String where = "seed " + seed + " step " + step + " pass " + copy.pass();
      if (step > 100_000) {
        throw new AssertionError(where + ": the copy does not end");
      }
      if (!copy.stunned() && r.nextDouble() < writeRate) {
        int lba = r.nextInt(capacity);
        int end = Math.min(capacity, lba + 1 + r.nextInt(r.nextBoolean() ? 4 : 40));
        copy.write(lba, end - lba, ++tag);
        Arrays.fill(issued, lba, end, tag);
        for (int b = lba / bs; b <= (end - 1) / bs; b++) {
          writesThisPass[b]++;
        }
      } else if (copy.inFlight()) {
        copy.finishChunk();
      } else if (copy.beginChunk(1 + r.nextInt(48)) == 0) {
        PassEnd pass = copy.endPass();
        if (pass.next() == Next.DONE) {
          assertEquals(-1, copy.firstDifference(), where + ": the disks differ after the final pass");
          assertSame(issued, src, where);
          return Next.DONE;
        }
        long dirty = 0;
        for (int b = 0; b < blocks; b++) { // the model's hot-block deferral, in block order
          if (policy.deferHotBlocks() && writesThisPass[b] >= 2 && !deferred[b] && room > 0) {
            deferred[b] = true;
            room--;
          }
        }
        long deferredSectors = 0;
        for (int b = 0; b < blocks; b++) {
          long sectors = Math.min(capacity, (b + 1L) * bs) - (long) b * bs;
          dirty += writesThisPass[b] > 0 && !deferred[b] ? sectors : 0;
          deferredSectors += deferred[b] ? sectors : 0;
        }
        assertEquals(dirty * 512, pass.dirtyBytes(), where + ": dirty bytes");
        assertEquals(deferredSectors * 512, pass.deferredBytes(), where + ": deferred bytes");
        Arrays.fill(writesThisPass, 0);
        for (int s = 0; s < capacity; s++) {
          if (src.tagAt(s) != dst.tagAt(s) && !copy.due(s / bs)) {
            fail(where + ": sector " + s + " differs but is not due to be copied again");
          }
        }
        if (pass.next() == Next.FAIL) {
          copy.abandon();
          assertSame(issued, src, where);
          return Next.FAIL;
        }
        if (pass.next() != Next.PASS) {
          copy.beginFinalPass();
          assertThrows(IllegalStateException.class, () -> copy.write(0, 1, 1));
        }
      }
    }
  }

  private static void assertSame(long[] model, BlockStore store, String where) {
    for (int s = 0; s < model.length; s++) {
      if (store.tagAt(s) != model[s]) {
        fail(where + ": sector " + s + " holds " + store.tagAt(s) + ", not its last write " + model[s]);
      }
    }
    assertFalse(model.length == 0);
  }
}
