package org.svmsim.kernel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExtentStoreTest {
  /** A naive store with one tag per sector, to exercise the generic comparison path. */
  private static final class ArrayStore implements BlockStore {
    final long[] tags;

    ArrayStore(int capacity, long tag) {
      tags = new long[capacity];
      Arrays.fill(tags, tag);
    }

    @Override
    public long capacitySectors() {
      return tags.length;
    }

    @Override
    public void write(long lba, long sectors, long tag) {
      Arrays.fill(tags, (int) lba, (int) (lba + sectors), tag);
    }

    @Override
    public long tagAt(long lba) {
      return tags[(int) lba];
    }

    @Override
    public Slice read(long lba, long sectors) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void write(Slice slice) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long firstDifference(BlockStore other) {
      for (long s = 0; s < capacitySectors(); s++) {
        if (tagAt(s) != other.tagAt(s)) {
          return s;
        }
      }
      return -1;
    }
  }

  @Test
  void newStoreHoldsItsInitialTagEverywhere() {
    ExtentStore s = new ExtentStore(1000, SectorContent.ZERO);
    assertEquals(1000, s.capacitySectors());
    assertEquals(SectorContent.ZERO, s.tagAt(0));
    assertEquals(SectorContent.ZERO, s.tagAt(999));
    assertEquals(1, s.extents().runCount());
  }

  @Test
  void writeThenReadBack() {
    ExtentStore s = new ExtentStore(100, -5);
    s.write(10, 8, 42);
    assertEquals(-5, s.tagAt(9));
    assertEquals(42, s.tagAt(10));
    assertEquals(42, s.tagAt(17));
    assertEquals(-5, s.tagAt(18));
  }

  @Test
  void aSliceIsACopyThatLaterWritesDoNotChange() {
    ExtentStore src = new ExtentStore(100, 1);
    ExtentStore dst = new ExtentStore(100, 0);
    src.write(20, 10, 2);
    BlockStore.Slice buf = src.read(15, 20);
    assertEquals(15, buf.lba());
    assertEquals(20, buf.sectors());
    src.write(0, 100, 3);
    dst.write(buf);
    assertEquals(0, dst.tagAt(14));
    assertEquals(1, dst.tagAt(15));
    assertEquals(2, dst.tagAt(20));
    assertEquals(2, dst.tagAt(29));
    assertEquals(1, dst.tagAt(34));
    assertEquals(0, dst.tagAt(35));
  }

  @Test
  void firstDifferenceBetweenExtentStores() {
    ExtentStore a = new ExtentStore(100, 0);
    ExtentStore b = new ExtentStore(100, 0);
    assertEquals(-1, a.firstDifference(b));
    b.write(70, 1, 9);
    assertEquals(70, a.firstDifference(b));
    assertEquals(70, b.firstDifference(a));
    a.write(70, 1, 9);
    assertEquals(-1, a.firstDifference(b));
    a.write(3, 2, 9);
    assertEquals(3, a.firstDifference(b));
  }

  @Test
  void firstDifferenceAgainstAnotherKindOfStore() {
    ExtentStore a = new ExtentStore(50, 4);
    ArrayStore b = new ArrayStore(50, 4);
    assertEquals(-1, a.firstDifference(b));
    b.write(49, 1, 5);
    assertEquals(49, a.firstDifference(b));
    b.write(7, 3, 6);
    assertEquals(7, a.firstDifference(b));
  }

  @Test
  void storesOfDifferentSizesDifferAtTheSmallerEnd() {
    assertEquals(50, new ExtentStore(50, 0).firstDifference(new ExtentStore(60, 0)));
    assertEquals(50, new ExtentStore(60, 0).firstDifference(new ExtentStore(50, 0)));
  }
}
