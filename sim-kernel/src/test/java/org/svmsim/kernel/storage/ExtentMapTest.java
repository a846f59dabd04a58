package org.svmsim.kernel.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExtentMapTest {
  /** Runs a naive model: one tag per sector. */
  private static final class Model {
    final long[] tags;

    Model(int capacity, long tag) {
      tags = new long[capacity];
      Arrays.fill(tags, tag);
    }

    void put(int start, int end, long tag) {
      Arrays.fill(tags, start, end, tag);
    }

    long firstDifference(Model other, int start, int end) {
      for (int i = start; i < end; i++) {
        if (tags[i] != other.tags[i]) {
          return i;
        }
      }
      return -1;
    }

    int runCount() {
      int runs = 1;
      for (int i = 1; i < tags.length; i++) {
        runs += tags[i] != tags[i - 1] ? 1 : 0;
      }
      return runs;
    }
  }

  /** Checks that {@code map} holds exactly {@code model}, with runs covering the disk and fully merged. */
  private static void assertMatches(Model model, ExtentMap map, String where) {
    long[] tags = new long[model.tags.length];
    long[] next = {0};
    long[] prevTag = {0};
    String[] problem = {null};
    map.forEachRun((start, end, tag) -> {
      if (problem[0] != null) {
        return;
      }
      if (start != next[0] || end <= start || end > tags.length) {
        problem[0] = "run [" + start + ", " + end + ") after a run ending at " + next[0];
      } else if (start > 0 && prevTag[0] == tag) {
        problem[0] = "unmerged adjacent runs of tag " + tag + " at " + start;
      } else {
        Arrays.fill(tags, (int) start, (int) end, tag);
      }
      next[0] = end;
      prevTag[0] = tag;
    });
    if (problem[0] == null && next[0] != tags.length) {
      problem[0] = "runs end at " + next[0] + ", not at the capacity " + tags.length;
    }
    if (problem[0] != null) {
      fail(where + ": " + problem[0]);
    }
    if (!Arrays.equals(model.tags, tags)) {
      int s = Arrays.mismatch(model.tags, tags);
      fail(where + ": sector " + s + " holds " + tags[s] + ", the model " + model.tags[s]);
    }
    if (model.runCount() != map.runCount()) {
      fail(where + ": " + map.runCount() + " runs, the model has " + model.runCount());
    }
  }

  /** Random interval [a, b) within [0, capacity), sometimes empty, short, or at the edges. */
  private static int[] range(SplittableRandom r, int capacity) {
    int a = r.nextInt(capacity + 1);
    int b = r.nextInt(capacity + 1);
    switch (r.nextInt(6)) {
      case 0 -> a = 0;
      case 1 -> b = capacity;
      case 2, 3 -> b = Math.min(capacity, a + r.nextInt(8)); // short: runs pile up over many leaves
      default -> { }
    }
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }

  @Test
  void matchesANaiveModelOverManyRandomOperations() {
    matchesTheModel(150, 120, 150, ExtentMap.LEAF);
  }

  /** The same with leaves of 4 and 6 runs, so that leaves split, join and empty all the time. */
  @Test
  void matchesTheModelWithTinyLeaves() {
    matchesTheModel(150, 120, 150, 4);
    matchesTheModel(40, 3000, 600, 6);
  }

  private static void matchesTheModel(int seeds, int maxCapacity, int ops, int leafRuns) {
    for (long seed = 1; seed <= seeds; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int capacity = 1 + r.nextInt(maxCapacity);
      ExtentMap a = new ExtentMap(capacity, 0, leafRuns);
      ExtentMap b = new ExtentMap(capacity, 0, leafRuns);
      Model ma = new Model(capacity, 0);
      Model mb = new Model(capacity, 0);
      for (int op = 0; op < ops; op++) {
        String where = "seed " + seed + " op " + op; // cheap enough: one string per operation
        int[] iv = range(r, capacity);
        long tag = r.nextInt(4) - 1; // few tags, negative ones too: runs often coalesce
        switch (r.nextInt(6)) {
          case 0, 1 -> {
            a.put(iv[0], iv[1], tag);
            ma.put(iv[0], iv[1], tag);
          }
          case 2 -> {
            b.put(iv[0], iv[1], tag);
            mb.put(iv[0], iv[1], tag);
          }
          case 3 -> { // the copier: a slice of a written onto b
            long[] triples = a.slice(iv[0], iv[1]);
            a.put(iv[0], iv[1], 7); // a later write must not change the copy
            ma.put(iv[0], iv[1], 7);
            b.apply(triples);
            for (int i = 0; i < triples.length; i += 3) {
              mb.put((int) triples[i], (int) triples[i + 1], triples[i + 2]);
            }
            // The slice covers exactly [start, end) in order.
            long at = iv[0];
            for (int i = 0; i < triples.length; i += 3) {
              assertEquals(at, triples[i], () -> where + ": slice triple start");
              at = triples[i + 1];
            }
            long end = at;
            assertTrue(iv[0] == iv[1] || end == iv[1], () -> where + ": slice ends at " + end);
          }
          case 4 -> { // the audit: only older content gives way
            b.raise(iv[0], iv[1], tag);
            for (int s = iv[0]; s < iv[1]; s++) {
              if (mb.tags[s] < tag) {
                mb.put(s, s + 1, tag);
              }
            }
          }
          default -> {
            assertEquals(ma.firstDifference(mb, iv[0], iv[1]), a.firstDifference(b, iv[0], iv[1]),
                () -> where + ": firstDifference in [" + iv[0] + ", " + iv[1] + ")");
            assertEquals(ma.firstDifference(mb, 0, capacity), b.firstDifference(a, 0, capacity), where);
          }
        }
        int probe = r.nextInt(capacity);
        assertEquals(ma.tags[probe], a.tagAt(probe), () -> where + ": tagAt " + probe);
        assertMatches(ma, a, where + " (map a)");
        assertMatches(mb, b, where + " (map b)");
      }
    }
  }

  @Test
  void sliceContentMatchesTheModelBeforeLaterWrites() {
    ExtentMap m = new ExtentMap(100, 0);
    m.put(10, 20, 1);
    m.put(30, 40, 2);
    long[] s = m.slice(15, 35);
    assertArrayEquals(new long[] {15, 20, 1, 20, 30, 0, 30, 35, 2}, s);
    m.put(0, 100, 7);
    assertArrayEquals(new long[] {15, 20, 1, 20, 30, 0, 30, 35, 2}, s);
  }

  @Test
  void adjacentWritesOfOneTagCoalesce() {
    ExtentMap m = new ExtentMap(1_000_000, 0);
    for (long s = 0; s < 10_000; s += 8) {
      m.put(s, s + 8, 5);
    }
    assertEquals(2, m.runCount());
    // Writing backwards coalesces too.
    for (long s = 20_000; s > 10_000; s -= 8) {
      m.put(s - 8, s, 5);
    }
    assertEquals(2, m.runCount());
    m.put(50, 60, 6);
    assertEquals(4, m.runCount());
    m.put(50, 60, 5);
    assertEquals(2, m.runCount());
    m.put(0, 1_000_000, 0);
    assertEquals(1, m.runCount());
  }

  @Test
  void aTwoTebibyteDiskStaysSmall() {
    long capacity = (2L << 40) / BlockStore.SECTOR;
    ExtentMap m = new ExtentMap(capacity, -1);
    m.put(capacity - 8, capacity, 3);
    m.put(0, 8, 3);
    m.put(capacity / 2, capacity / 2 + 1, 4);
    assertEquals(5, m.runCount());
    assertEquals(3, m.tagAt(capacity - 1));
    assertEquals(-1, m.tagAt(capacity - 9));
    assertEquals(4, m.tagAt(capacity / 2));
    ExtentMap other = new ExtentMap(capacity, -1);
    assertEquals(0, m.firstDifference(other, 0, capacity));
    assertEquals(capacity / 2, m.firstDifference(other, 8, capacity));
    other.apply(m.slice(0, capacity));
    assertEquals(-1, m.firstDifference(other, 0, capacity));
  }

  /** Issue 9's target: at most 40 bytes of heap per distinct extent (the JMH footprint measures the heap). */
  @Test
  void aDistinctExtentCostsAtMostFortyBytes() {
    long capacity = (64L << 40) / BlockStore.SECTOR;
    ExtentMap m = new ExtentMap(capacity, 0);
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 1; i <= 200_000; i++) {
      long at = r.nextLong(capacity / 8) * 8;
      m.put(at, at + 8, i);
    }
    assertTrue(m.runCount() > 390_000, m.runCount() + " runs");
    // Each write lands in a gap and splits it: two runs a write, so 40 bytes a write is 20 a run.
    double perWrite = (double) m.memoryBytes() / 200_000;
    assertTrue(perWrite <= 40, perWrite + " bytes per distinct written extent");
    for (int i = 0; i < 100_000; i++) { // overwriting spans drops runs: leaves join, memory follows
      long at = r.nextLong(capacity / 8) * 8;
      m.put(at, Math.min(capacity, at + (1L << 17)), 0);
    }
    assertTrue(m.runCount() < 390_000, m.runCount() + " runs");
    assertTrue((double) m.memoryBytes() / m.runCount() <= 40, m.memoryBytes() + " bytes, " + m.runCount() + " runs");
    m.put(0, capacity, 0);
    assertTrue(m.memoryBytes() < 1024, m.memoryBytes() + " bytes for one run");
  }

  @Test
  void emptyPutAndEmptyRangesChangeNothing() {
    ExtentMap m = new ExtentMap(10, 1);
    m.put(4, 4, 9);
    m.put(10, 10, 9);
    assertEquals(1, m.runCount());
    assertEquals(1, m.tagAt(4));
    assertEquals(-1, m.firstDifference(new ExtentMap(10, 2), 5, 5));
  }

  @Test
  void boundsAreChecked() {
    ExtentMap m = new ExtentMap(10, 0);
    assertThrows(IndexOutOfBoundsException.class, () -> m.put(-1, 3, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.put(0, 11, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.put(5, 4, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.tagAt(10));
    assertThrows(IndexOutOfBoundsException.class, () -> m.tagAt(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.slice(3, 11));
    assertThrows(IndexOutOfBoundsException.class, () -> m.firstDifference(new ExtentMap(10, 0), 0, 11));
    IndexOutOfBoundsException ex = assertThrows(IndexOutOfBoundsException.class, () -> m.put(8, 12, 1));
    assertTrue(ex.getMessage().contains("[8, 12)") && ex.getMessage().contains("10"), ex.getMessage());
    assertEquals(1, m.runCount(), "a refused put changes nothing");
    assertThrows(IllegalArgumentException.class, () -> new ExtentMap(0, 0));
  }
}
