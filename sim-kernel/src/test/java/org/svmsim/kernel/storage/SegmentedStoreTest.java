package org.svmsim.kernel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the off-heap and file stores do: move bytes, hold large sparse disks, refuse to clobber files. */
class SegmentedStoreTest {
  private static final long THREE_GIB = (3L << 30) / BlockStore.SECTOR;

  @TempDir
  Path dir;

  @Test
  void aCopyBetweenByteStoresMovesBytes() throws Exception {
    try (OffHeapStore memory = new OffHeapStore(5000, 3);
        FileStore file = FileStore.create(dir.resolve("d.img"), 5000, 0)) {
      memory.write(100, 3000, 42);
      BlockStore.Slice chunk = memory.read(0, 4096);
      assertTrue(chunk.hasBytes());
      file.write(chunk);
      file.write(memory.read(4096, 904));
      assertEquals(-1, file.firstDifference(memory));
      assertEquals(-1, memory.firstDifference(file));
      byte[] raw = new byte[BlockStore.SECTOR];
      try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
        ch.read(ByteBuffer.wrap(raw), 100L * BlockStore.SECTOR);
      }
      byte[] expected = new byte[BlockStore.SECTOR];
      SectorContent.fill(42, 100, expected, 0);
      assertEquals(ByteBuffer.wrap(expected), ByteBuffer.wrap(raw), "the file holds the sector's real bytes");
    }
  }

  @Test
  void aFlippedByteOnFileIsCaughtWhenRead() throws Exception {
    try (FileStore file = FileStore.create(dir.resolve("d.img"), 100, 0)) {
      file.write(10, 4, 42);
      try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(new byte[] {1}), 11L * BlockStore.SECTOR + 300);
      }
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> file.read(8, 8));
      assertTrue(e.getMessage().contains("sector 11 "), e.getMessage());
      assertThrows(IllegalStateException.class, () -> file.tagAt(11));
      ExtentStore tags = new ExtentStore(100, 0);
      tags.write(10, 4, 42);
      assertThrows(IllegalStateException.class, () -> file.firstDifference(tags));
    }
  }

  @Test
  void unverifiedReadsStillCompareStrictly() {
    OffHeapStore a = new OffHeapStore(100, 0, 16, false);
    a.write(0, 100, 5);
    ExtentStore b = new ExtentStore(100, 0);
    b.write(0, 100, 5);
    assertEquals(-1, a.firstDifference(b));
    assertTrue(a.read(0, 100).hasBytes());
  }

  @Test
  void aDiskOverTwoGibibytesCostsOnlyWhatIsWritten() {
    try (OffHeapStore s = new OffHeapStore(THREE_GIB, 7)) {
      s.write(THREE_GIB - 8, 8, 9);
      s.write(0, 1, 9);
      assertEquals(2, s.writtenSegments());
      assertEquals(9, s.tagAt(THREE_GIB - 1));
      assertEquals(7, s.tagAt(THREE_GIB - 9));
      assertEquals(7, s.tagAt(THREE_GIB / 2));
      BlockStore.Slice all = s.read(0, THREE_GIB);
      assertFalse(all.hasBytes(), "3 GiB do not fit one array: runs");
      assertEquals(9, all.runs().length);
    }
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Path mine = Files.writeString(dir.resolve("user.vmdk"), "precious");
    assertThrows(UncheckedIOException.class, () -> FileStore.create(mine, 100, 0));
    assertEquals("precious", Files.readString(mine));
  }

  @Test
  void directIoAndFsyncKeepTheContract() {
    FileStore s;
    try {
      s = FileStore.create(dir.resolve("direct.img"), 5000, 3, true, FileStore.Sync.EVERY_WRITE, true);
    } catch (UncheckedIOException | UnsupportedOperationException e) {
      Assumptions.assumeTrue(false, "O_DIRECT is not supported here: " + e.getMessage());
      return;
    }
    try (s) {
      s.write(2047, 3, 8); // unaligned, across a segment boundary
      s.write(1, 1, 9);
      assertEquals(8, s.tagAt(2049));
      assertEquals(3, s.tagAt(2050));
      assertEquals(9, s.tagAt(1));
      assertEquals(3, s.tagAt(0));
      ExtentStore model = new ExtentStore(5000, 3);
      model.write(2047, 3, 8);
      model.write(1, 1, 9);
      assertEquals(-1, s.firstDifference(model));
      s.flush();
    }
  }
}
