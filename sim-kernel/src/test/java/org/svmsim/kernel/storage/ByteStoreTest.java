package org.svmsim.kernel.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What only a store of real bytes can do: notice corrupt bytes, and cost memory only where written. */
class ByteStoreTest {
  private static final long FOUR_GIB = (4L << 30) / BlockStore.SECTOR;

  private static void assertCorrupt(long sector, Runnable access) {
    IllegalStateException e = assertThrows(IllegalStateException.class, access::run);
    assertTrue(e.getMessage().contains("sector " + sector + " "), e.getMessage());
  }

  @Test
  void aFlippedByteInAWrittenSectorIsDetected() {
    for (int at : new int[] {0, 7, 8, 15, 16, 300, 511}) { // the tag, the sector number, the body
      ByteStore s = new ByteStore(100, 3);
      s.write(10, 4, 42);
      ByteStore copy = new ByteStore(100, 3);
      copy.write(s.read(0, 100));
      s.corrupt(11, at);
      assertEquals(42, s.tagAt(10));
      assertEquals(42, s.tagAt(12));
      assertCorrupt(11, () -> s.tagAt(11));
      assertCorrupt(11, () -> s.read(8, 8));
      assertEquals(11, s.firstDifference(copy), "byte " + at);
      assertEquals(11, copy.firstDifference(s), "byte " + at);
      ExtentStore tags = new ExtentStore(100, 3);
      tags.write(10, 4, 42);
      assertCorrupt(11, () -> s.firstDifference(tags));
      assertCorrupt(11, () -> tags.firstDifference(s));
      s.write(11, 1, 42);
      assertEquals(-1, s.firstDifference(copy), "rewriting the sector repairs it");
    }
  }

  @Test
  void aBulkCopyMovesCorruptBytesAsTheyAreAndTheyAreCaughtWhenRead() {
    ByteStore s = new ByteStore(100, 3);
    s.write(10, 4, 42);
    s.corrupt(11, 300);
    ByteStore copy = new ByteStore(100, 0);
    s.copyTo(0, 100, copy); // a data mover does not interpret what it moves
    assertEquals(-1, s.firstDifference(copy), "the copy holds the source's bytes, corrupt one included");
    assertCorrupt(11, () -> copy.tagAt(11));
    assertCorrupt(11, () -> copy.read(0, 100));
    ExtentStore tags = new ExtentStore(100, 3);
    tags.write(10, 4, 42);
    assertCorrupt(11, () -> copy.firstDifference(tags));
  }

  @Test
  void corruptionOfInitialContentIsDetectedToo() {
    for (long initial : new long[] {SectorContent.ZERO, -1}) {
      ByteStore s = new ByteStore(5000, initial);
      ByteStore healthy = new ByteStore(5000, initial);
      s.write(0, 1, 5); // allocates the first segment; sector 1 still holds the initial content
      healthy.write(0, 1, 5);
      s.corrupt(1, 0);
      assertCorrupt(1, () -> s.tagAt(1));
      s.corrupt(4500, 200); // in a segment never written
      assertEquals(1, s.firstDifference(healthy));
      s.write(1, 1, initial);
      assertEquals(4500, healthy.firstDifference(s));
      assertCorrupt(4500, () -> s.read(4000, 1000));
    }
  }

  @Test
  void aFreshLargeStoreAllocatesNothingUntilWritten() {
    ByteStore s = new ByteStore(FOUR_GIB, 5);
    assertEquals(0, s.allocatedSegments());
    assertEquals(5, s.tagAt(FOUR_GIB - 1));
    assertArrayEquals(new long[] {0, FOUR_GIB, 5}, s.read(0, FOUR_GIB).runs());
    assertEquals(-1, s.firstDifference(new ByteStore(FOUR_GIB, 5)));
    assertEquals(-1, s.firstDifference(new ExtentStore(FOUR_GIB, 5)));
    assertEquals(0, s.firstDifference(new ByteStore(FOUR_GIB, 6)));
    assertEquals(0, s.allocatedSegments(), "reading and comparing allocate nothing");
    s.write(FOUR_GIB - 1, 1, 9);
    s.write(2047, 2, 9); // straddles the first two 1 MiB segments
    assertEquals(3, s.allocatedSegments());
    assertEquals(2047, s.firstDifference(new ByteStore(FOUR_GIB, 5)));
    assertEquals(9, s.tagAt(2048));
    assertEquals(5, s.tagAt(2049));
  }

  @Test
  void writtenSegmentsHoldingTheInitialContentEqualUnwrittenOnes() {
    ByteStore a = new ByteStore(10_000, 7);
    ByteStore b = new ByteStore(10_000, 7);
    a.write(0, 3000, 7);
    assertEquals(2, a.allocatedSegments());
    assertEquals(-1, a.firstDifference(b));
    assertEquals(-1, b.firstDifference(a));
    // c's first segment is written with b's initial content; the next ones are unwritten, with other tags.
    ByteStore c = new ByteStore(10_000, 8);
    c.write(0, 2048, 7);
    assertEquals(2048, b.firstDifference(c));
    assertEquals(2048, c.firstDifference(b));
  }

  @Test
  void theLastSegmentMayBeShort() {
    ByteStore a = new ByteStore(2050, 0);
    ByteStore b = new ByteStore(2050, 0);
    a.write(2049, 1, 4);
    b.write(2048, 2, 4);
    assertEquals(2048, a.firstDifference(b));
    a.write(2048, 1, 4);
    assertEquals(-1, a.firstDifference(b));
  }

  @Test
  void theSizeIsLimitedToEightGibibytes() {
    ByteStore largest = new ByteStore(ByteStore.MAX_CAPACITY_SECTORS, 0);
    assertEquals((8L << 30) / BlockStore.SECTOR, largest.capacitySectors());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ByteStore(ByteStore.MAX_CAPACITY_SECTORS + 1, 0));
    assertTrue(e.getMessage().contains("8 GiB") && e.getMessage().contains("ExtentStore"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ByteStore(100, 0, 48));
  }
}
