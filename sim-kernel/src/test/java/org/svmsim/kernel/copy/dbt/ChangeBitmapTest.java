package org.svmsim.kernel.copy.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.storage.BlockStore;

class ChangeBitmapTest {
  @Test
  void aWriteDirtiesEveryBlockItTouches() {
    ChangeBitmap m = new ChangeBitmap(1000, 128);
    assertEquals(8, m.blocks());
    assertEquals(2, m.markSectors(127, 2)); // blocks 0 and 1
    assertEquals(0, m.markSectors(200, 10), "already dirty");
    assertTrue(m.get(0) && m.get(1) && !m.get(2));
    assertEquals(256, m.dirtySectors());
    assertEquals(1, m.markSectors(999, 1)); // the last, short block: 1000 - 896 = 104 sectors
    assertEquals(256 + 104, m.dirtySectors());
    assertEquals((256 + 104) * BlockStore.SECTOR, m.dirtyBytes());
    assertThrows(IndexOutOfBoundsException.class, () -> m.markSectors(999, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> m.markSectors(-1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.markSectors(5, 0));
  }

  @Test
  void takeAndClearMovesTheSetAndLeavesAClearBitmap() {
    ChangeBitmap m = new ChangeBitmap(64 * 200, 1);
    m.set(60, 70);
    ChangeBitmap taken = m.takeAndClear();
    assertTrue(m.isEmpty());
    assertEquals(-1, m.nextSet(0));
    assertEquals(10, taken.count());
    m.set(0, 1);
    assertFalse(taken.get(0), "the taken set is a copy");
  }

  @Test
  void rangesCoalesceAcrossWordsAndAreClippedToTheDisk() {
    ChangeBitmap m = new ChangeBitmap(1000, 8); // 125 blocks
    m.set(3, 5);
    m.set(5, 70); // joins the run, across a word boundary
    m.set(100, 125);
    List<long[]> ranges = new ArrayList<>();
    m.forEachRange((s, e) -> ranges.add(new long[] {s, e}));
    assertEquals(2, ranges.size());
    assertEquals(24, ranges.get(0)[0]);
    assertEquals(560, ranges.get(0)[1]);
    assertEquals(800, ranges.get(1)[0]);
    assertEquals(1000, ranges.get(1)[1]);
  }

  @Test
  void repeatsRecordBlocksWrittenTwice() {
    ChangeBitmap m = new ChangeBitmap(100, 1);
    ChangeBitmap repeats = new ChangeBitmap(100, 1);
    m.set(10, 20, repeats);
    assertTrue(repeats.isEmpty());
    m.set(15, 25, repeats);
    assertEquals(5, repeats.count());
    assertEquals(15, repeats.nextSet(0));
    assertEquals(20, repeats.nextClear(15));
  }

  @Test
  void aTwoTebibyteDiskAt64KiBCostsFourMebibytes() {
    long capacity = (2L << 40) / BlockStore.SECTOR;
    ChangeBitmap m = new ChangeBitmap(capacity, 128);
    assertEquals(32L << 20, m.blocks());
    assertEquals(16 + (4L << 20), m.memoryBytes());
    m.markSectors(capacity - 1, 1);
    m.markSectors(0, 300);
    assertEquals(4, m.count());
    assertEquals(3 * 128 + 128, m.dirtySectors());
    assertEquals(m.blocks() - 1, m.nextSet(4));
  }

  /** Every operation against a boolean per block. */
  @Test
  void matchesANaiveModel() {
    for (long seed = 1; seed <= 200; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int blocks = 1 + r.nextInt(300);
      ChangeBitmap m = new ChangeBitmap(blocks, 1);
      ChangeBitmap other = new ChangeBitmap(blocks, 1);
      boolean[] model = new boolean[blocks];
      boolean[] otherModel = new boolean[blocks];
      for (int op = 0; op < 100; op++) {
        String where = "seed " + seed + " op " + op;
        int a = r.nextInt(blocks + 1);
        int b = Math.min(blocks, a + r.nextInt(r.nextBoolean() ? 4 : 130));
        switch (r.nextInt(6)) {
          case 0, 1 -> {
            long clear = 0;
            for (int i = a; i < b; i++) {
              clear += model[i] ? 0 : 1;
              model[i] = true;
            }
            assertEquals(clear, m.set(a, b), where);
          }
          case 2 -> {
            m.clear(a, b);
            java.util.Arrays.fill(model, a, b, false);
          }
          case 3 -> {
            other.set(a, b);
            java.util.Arrays.fill(otherModel, a, b, true);
          }
          case 4 -> {
            m.andNot(other);
            for (int i = 0; i < blocks; i++) {
              model[i] &= !otherModel[i];
            }
          }
          default -> {
            m.or(other);
            for (int i = 0; i < blocks; i++) {
              model[i] |= otherModel[i];
            }
          }
        }
        long n = 0;
        for (boolean x : model) {
          n += x ? 1 : 0;
        }
        assertEquals(n, m.count(), where);
        int from = r.nextInt(blocks + 1);
        int set = from;
        while (set < blocks && !model[set]) {
          set++;
        }
        assertEquals(set == blocks ? -1 : set, m.nextSet(from), where + ": nextSet " + from);
        int clear = from;
        while (clear < blocks && model[clear]) {
          clear++;
        }
        assertEquals(clear, m.nextClear(from), where + ": nextClear " + from);
        int limit = from + r.nextInt(100);
        assertEquals(Math.min(clear, Math.min(limit, blocks)), m.nextClear(from, limit),
            where + ": nextClear " + from + " before " + limit);
      }
    }
  }
}
