package org.svmsim.kernel.copy.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentStore;

class DiskChainTest {
  private final ExtentStore base = new ExtentStore(100, -1);
  private final DiskChain chain = new DiskChain(base, 8, c -> new ExtentStore(c, 0));

  @Test
  void withoutAChildWritesGoToTheBase() {
    assertEquals(0, chain.write(3, 2, 7));
    assertEquals(7, base.tagAt(4));
    assertEquals(1, chain.depth());
  }

  @Test
  void writesGoToTheNewestChildAndReadsResolveChildThenParent() {
    base.write(0, 100, 5);
    RedoLog child = chain.addChild();
    assertEquals(1, chain.write(8, 8, 7), "one whole grain");
    assertEquals(5, base.tagAt(8), "the parent is read-only under its child");
    assertEquals(7, chain.tagAt(8));
    assertEquals(5, chain.tagAt(16));
    assertArrayEquals(new long[] {4, 8, 5, 8, 16, 7, 16, 20, 5}, chain.read(4, 16).runs());
    assertEquals(8 * BlockStore.SECTOR, child.bytes());
    RedoLog second = chain.addChild();
    assertEquals(2, second.number());
    chain.write(10, 1, 9);
    assertArrayEquals(new long[] {8, 10, 7, 10, 11, 9, 11, 16, 7, 16, 17, 5}, chain.read(8, 9).runs());
    assertEquals(3, chain.depth());
  }

  @Test
  void aPartialGrainWriteCopiesTheRestOfTheGrainFromBelow() {
    base.write(0, 100, 5);
    RedoLog child = chain.addChild();
    assertEquals(2, chain.write(6, 4, 7), "straddles grains 0 and 1");
    assertTrue(child.holds(0) && child.holds(1) && !child.holds(2));
    assertEquals(5, child.content().tagAt(0), "the grain's rest came from the parent");
    assertEquals(5, child.content().tagAt(15));
    assertEquals(7, child.content().tagAt(9));
    assertEquals(16 * BlockStore.SECTOR, child.bytes());
    assertEquals(0, chain.write(0, 1, 8), "the grain is already allocated");
    assertEquals(0, child.grains().slot(0));
    assertEquals(1, child.grains().slot(1));
    assertEquals(-1, child.grains().slot(2));
    assertEquals(2, child.grains().nextFree(0));
    assertEquals(1, child.grains().nextFree(0, 1), "asked no further than grain 1");
    assertEquals(1, child.grains().nextAllocated(1));
  }

  @Test
  void theLastGrainIsShortOnADiskThatIsNotAMultipleOfIt() {
    DiskChain c = new DiskChain(new ExtentStore(20, 1), 8, n -> new ExtentStore(n, 0));
    RedoLog child = c.addChild();
    c.write(19, 1, 3);
    assertEquals(4 * BlockStore.SECTOR, child.bytes());
    assertEquals(1, child.content().tagAt(16));
    assertEquals(3, c.tagAt(19));
  }

  @Test
  void aTwoTebibyteChainCostsItsDirectoryAndTheTablesWritten() {
    long capacity = (2L << 40) / BlockStore.SECTOR;
    DiskChain c = new DiskChain(new ExtentStore(capacity, 1), 128, n -> new ExtentStore(n, 0));
    RedoLog child = c.addChild();
    assertEquals(16 + 8 * 8192, child.grains().memoryBytes());
    c.write(capacity - 1, 1, 2);
    c.write(0, 1, 2);
    assertEquals(16 + 8 * 8192 + 2 * (16 + 4 * 4096), child.grains().memoryBytes());
    assertEquals(2, c.tagAt(capacity - 1));
    assertEquals(1, c.tagAt(capacity - 2));
    assertEquals(child.grains().grains() - 1, child.grains().nextAllocated(1));
  }

  @Test
  void firstDifferenceFindsTheFirstSectorTheTwoViewsDisagreeOn() {
    DiskChain other = new DiskChain(new ExtentStore(100, -1), 8, c -> new ExtentStore(c, 0));
    assertEquals(-1, chain.firstDifference(other));
    chain.addChild();
    chain.write(30, 5, 7);
    assertEquals(30, chain.firstDifference(other));
    other.write(30, 2, 7);
    assertEquals(32, chain.firstDifference(other));
    other.write(32, 3, 7);
    assertEquals(-1, chain.firstDifference(other));
    other.write(0, 1, 3);
    assertEquals(0, other.firstDifference(chain));
  }

  @Test
  void outOfRangeIsRefused() {
    chain.addChild();
    assertThrows(IndexOutOfBoundsException.class, () -> chain.write(99, 2, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> chain.read(-1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> chain.tagAt(100));
    assertFalse(chain.newest().holds(12));
    assertThrows(IllegalArgumentException.class, () -> new DiskChain(base, 0, c -> base));
  }
}
