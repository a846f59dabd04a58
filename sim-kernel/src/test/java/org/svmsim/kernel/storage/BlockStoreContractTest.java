package org.svmsim.kernel.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What every {@link BlockStore} promises; each implementation runs it through a tiny subclass. */
abstract class BlockStoreContractTest {
  /** A store of the kind under test. */
  abstract BlockStore newStore(long capacity, long initialTag);

  /** Every kind, so that content moves across kinds: the copier reads one disk and writes another. */
  interface Kind {
    BlockStore create(long capacity, long initialTag);
  }

  /** Each kind with its public constructor, and the store under test as the subclass builds it. */
  List<Kind> kinds() {
    return List.of(ExtentStore::new, ByteStore::new, this::newStore);
  }

  /** The canonical runs of {@code model[start, end)}: (start, end, tag) triples, equal tags merged. */
  static long[] runs(long[] model, int start, int end) {
    long[] out = new long[3 * (end - start)];
    int n = 0;
    for (int s = start; s < end; s++) {
      if (n > 0 && out[n - 1] == model[s]) {
        out[n - 2] = s + 1;
      } else {
        out[n++] = s;
        out[n++] = s + 1;
        out[n++] = model[s];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static long[] filled(int capacity, long tag) {
    long[] model = new long[capacity];
    Arrays.fill(model, tag);
    return model;
  }

  @Test
  void aNewStoreHoldsItsInitialContentEverywhere() {
    for (long initial : new long[] {SectorContent.ZERO, -7, 1L << 50}) {
      BlockStore s = newStore(5000, initial); // crosses the 2048-sector (1 MiB) segments of a ByteStore
      assertEquals(5000, s.capacitySectors());
      for (long lba : new long[] {0, 1, 2047, 2048, 4095, 4096, 4999}) {
        assertEquals(initial, s.tagAt(lba), "sector " + lba);
      }
      assertArrayEquals(new long[] {0, 5000, initial}, s.read(0, 5000).runs());
      for (Kind k : kinds()) {
        assertEquals(-1, s.firstDifference(k.create(5000, initial)));
        assertEquals(0, s.firstDifference(k.create(5000, initial + 1)));
      }
    }
  }

  @Test
  void writeThenTagAt() {
    BlockStore s = newStore(5000, -5);
    s.write(2040, 16, 42);
    assertEquals(-5, s.tagAt(2039));
    assertEquals(42, s.tagAt(2040));
    assertEquals(42, s.tagAt(2048));
    assertEquals(42, s.tagAt(2055));
    assertEquals(-5, s.tagAt(2056));
    s.write(2044, 2, 43);
    s.write(4999, 1, SectorContent.ZERO);
    s.write(100, 0, 44);
    assertArrayEquals(new long[] {0, 2040, -5, 2040, 2044, 42, 2044, 2046, 43, 2046, 2056, 42, 2056, 4999, -5,
        4999, 5000, SectorContent.ZERO}, s.read(0, 5000).runs());
  }

  @Test
  void aReadIsASnapshotThatLaterWritesDoNotChange() {
    BlockStore s = newStore(100, 1);
    s.write(20, 10, 2);
    BlockStore.Slice buf = s.read(15, 20);
    assertEquals(15, buf.lba());
    assertEquals(20, buf.sectors());
    long[] expected = {15, 20, 1, 20, 30, 2, 30, 35, 1};
    assertArrayEquals(expected, buf.runs());
    s.write(0, 100, 3);
    assertArrayEquals(expected, buf.runs());
    BlockStore dst = newStore(100, 0);
    dst.write(buf);
    assertArrayEquals(new long[] {0, 15, 0, 15, 20, 1, 20, 30, 2, 30, 35, 1, 35, 100, 0}, dst.read(0, 100).runs());
  }

  @Test
  void slicesMoveContentAcrossKindsOfStore() {
    for (Kind k : kinds()) {
      BlockStore mine = newStore(3000, 9);
      BlockStore other = k.create(3000, 0);
      mine.write(2000, 100, 5);
      mine.write(10, 3, SectorContent.ZERO);
      other.write(mine.read(0, 3000));
      assertEquals(-1, mine.firstDifference(other));
      assertEquals(-1, other.firstDifference(mine));
      other.write(2047, 2, 6);
      other.write(5, 1, 7);
      mine.write(other.read(2040, 10));
      assertEquals(6, mine.tagAt(2048));
      assertEquals(5, other.firstDifference(mine));
      mine.write(other.read(0, 3000));
      assertArrayEquals(other.read(0, 3000).runs(), mine.read(0, 3000).runs());
      assertEquals(-1, mine.firstDifference(other));
    }
  }

  @Test
  void copyToMovesARangeAcrossKindsOfStore() {
    for (Kind k : kinds()) {
      BlockStore mine = newStore(5000, 9);
      BlockStore other = k.create(5000, 0);
      mine.write(2000, 100, 5);
      mine.write(10, 3, SectorContent.ZERO);
      mine.copyTo(0, 5000, other);
      assertEquals(-1, mine.firstDifference(other));
      other.write(2047, 2, 6);
      other.copyTo(2040, 10, mine); // across a segment boundary
      assertEquals(6, mine.tagAt(2048));
      assertEquals(5, mine.tagAt(2049 + 1));
      assertEquals(-1, other.firstDifference(mine));
      BlockStore third = k.create(5000, 0);
      mine.copyTo(4090, 10, third); // the unwritten end: its initial content is copied
      assertArrayEquals(new long[] {0, 4090, 0, 4090, 4100, 9, 4100, 5000, 0}, third.read(0, 5000).runs());
      assertThrows(IllegalArgumentException.class, () -> mine.copyTo(0, 1, k.create(4999, 0)));
      assertThrows(IndexOutOfBoundsException.class, () -> mine.copyTo(4999, 2, other));
    }
  }

  @Test
  void firstDifferenceFindsTheExactFirstDifferingSector() {
    for (Kind k : kinds()) {
      BlockStore a = newStore(5000, 0);
      BlockStore b = k.create(5000, 0);
      assertEquals(-1, a.firstDifference(b));
      b.write(4999, 1, 9);
      assertEquals(4999, a.firstDifference(b));
      assertEquals(4999, b.firstDifference(a));
      b.write(2048, 3, 9);
      a.write(2048, 1, 9);
      assertEquals(2049, a.firstDifference(b));
      a.write(2049, 2, 9);
      a.write(4999, 1, 9);
      assertEquals(-1, a.firstDifference(b));
      a.write(0, 1, 1);
      assertEquals(0, b.firstDifference(a));
    }
  }

  @Test
  void storesOfDifferentSizesDifferAtTheSmallerEnd() {
    for (Kind k : kinds()) {
      assertEquals(50, newStore(50, 0).firstDifference(k.create(60, 0)));
      assertEquals(50, newStore(60, 0).firstDifference(k.create(50, 0)));
    }
  }

  @Test
  void boundsAreChecked() {
    BlockStore s = newStore(10, 0);
    assertThrows(IndexOutOfBoundsException.class, () -> s.tagAt(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> s.tagAt(10));
    assertThrows(IndexOutOfBoundsException.class, () -> s.write(-1, 2, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> s.write(8, 3, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> s.write(5, -1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> s.read(3, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> s.read(-1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> s.write(newStore(20, 0).read(5, 10)));
    IndexOutOfBoundsException ex = assertThrows(IndexOutOfBoundsException.class, () -> s.write(8, 4, 1));
    assertTrue(ex.getMessage().contains("[8, 12)") && ex.getMessage().contains("10"), ex.getMessage());
    assertArrayEquals(new long[] {0, 10, 0}, s.read(0, 10).runs(), "a refused write changes nothing");
    assertThrows(IllegalArgumentException.class, () -> newStore(0, 0));
    assertThrows(IllegalArgumentException.class, () -> newStore(-1, 0));
  }

  /**
   * Random writes, reads, slice copies (to a store of a random kind) and comparisons, checked against one
   * tag per sector after every step.
   */
  @Test
  void randomOperationsMatchANaiveModel() {
    for (long seed = 1; seed <= 60; seed++) {
      try {
        runOneSeed(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  private void runOneSeed(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int capacity = 1 + r.nextInt(1200);
    long initial = r.nextInt(3) - 1;
    BlockStore a = newStore(capacity, initial);
    BlockStore b = kinds().get(r.nextInt(kinds().size())).create(capacity, initial);
    long[] ma = filled(capacity, initial);
    long[] mb = filled(capacity, initial);
    for (int op = 0; op < 60; op++) {
      String where = "op " + op;
      int start = r.nextInt(capacity);
      int end = Math.min(capacity, start + 1 + r.nextInt(r.nextBoolean() ? 8 : 200));
      long tag = r.nextInt(4) == 0 ? SectorContent.ZERO : r.nextInt(5) - 2; // few tags: runs coalesce
      switch (r.nextInt(7)) {
        case 0, 1 -> {
          a.write(start, end - start, tag);
          Arrays.fill(ma, start, end, tag);
        }
        case 2 -> {
          b.write(start, end - start, tag);
          Arrays.fill(mb, start, end, tag);
        }
        case 3 -> { // the copier: a's slice written to b after a later write to a
          BlockStore.Slice slice = a.read(start, end - start);
          long[] before = runs(ma, start, end);
          a.write(start, end - start, 99);
          Arrays.fill(ma, start, end, 99);
          assertArrayEquals(before, slice.runs(), () -> where + ": slice changed by a later write");
          b.write(slice);
          for (int i = 0; i < before.length; i += 3) {
            Arrays.fill(mb, (int) before[i], (int) before[i + 1], before[i + 2]);
          }
        }
        case 4 -> { // and back
          b.write(b.read(start, end - start));
          a.write(b.read(start, end - start));
          System.arraycopy(mb, start, ma, start, end - start);
        }
        case 5 -> { // a data mover's bulk copy, either way
          if (r.nextBoolean()) {
            a.copyTo(start, end - start, b);
            System.arraycopy(ma, start, mb, start, end - start);
          } else {
            b.copyTo(start, end - start, a);
            System.arraycopy(mb, start, ma, start, end - start);
          }
        }
        default -> assertArrayEquals(runs(ma, start, end), a.read(start, end - start).runs(),
            () -> where + ": read [" + start + ", " + end + ")");
      }
      int probe = r.nextInt(capacity);
      assertEquals(ma[probe], a.tagAt(probe), () -> where + ": tagAt " + probe);
      int diff = Arrays.mismatch(ma, mb);
      assertEquals(diff, a.firstDifference(b), () -> where + ": a.firstDifference(b)");
      assertEquals(diff, b.firstDifference(a), () -> where + ": b.firstDifference(a)");
    }
    assertArrayEquals(runs(ma, 0, capacity), a.read(0, capacity).runs(), "a at the end");
    assertArrayEquals(runs(mb, 0, capacity), b.read(0, capacity).runs(), "b at the end");
  }
}
