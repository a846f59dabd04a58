package org.svmsim.kernel.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SectorContentTest {
  private static byte[] sector(long tag, long lba) {
    byte[] buf = new byte[BlockStore.SECTOR];
    SectorContent.fill(tag, lba, buf, 0);
    return buf;
  }

  @Test
  void tagRoundTripsThroughTheBytes() {
    for (long tag : new long[] {1, 42, -1, Long.MIN_VALUE | 3, Long.MAX_VALUE, 1L << 40 | 17}) {
      for (long lba : new long[] {0, 1, 33_554_431}) {
        assertEquals(tag, SectorContent.tagOf(sector(tag, lba), 0), "tag " + tag + " lba " + lba);
      }
    }
  }

  @Test
  void fillAtAnOffsetTouchesOnlyThatSector() {
    byte[] buf = new byte[3 * BlockStore.SECTOR];
    Arrays.fill(buf, (byte) 0x55);
    SectorContent.fill(77, 9, buf, BlockStore.SECTOR);
    assertEquals(77, SectorContent.tagOf(buf, BlockStore.SECTOR));
    for (int i = 0; i < BlockStore.SECTOR; i++) {
      assertEquals(0x55, buf[i]);
      assertEquals(0x55, buf[2 * BlockStore.SECTOR + i]);
    }
    assertArrayEquals(sector(77, 9), Arrays.copyOfRange(buf, BlockStore.SECTOR, 2 * BlockStore.SECTOR));
  }

  @Test
  void distinctSectorsAndDistinctTagsDiffer() {
    assertFalse(Arrays.equals(sector(5, 100), sector(5, 101)));
    assertFalse(Arrays.equals(sector(5, 100), sector(6, 100)));
    // Not only the header: the body depends on both too.
    assertFalse(Arrays.equals(Arrays.copyOfRange(sector(5, 100), 16, 512),
        Arrays.copyOfRange(sector(5, 101), 16, 512)));
    assertFalse(Arrays.equals(Arrays.copyOfRange(sector(5, 100), 16, 512),
        Arrays.copyOfRange(sector(6, 100), 16, 512)));
  }

  @Test
  void fillIsDeterministic() {
    assertArrayEquals(sector(123, 456), sector(123, 456));
  }

  @Test
  void zeroIsAllZeroes() {
    byte[] buf = new byte[BlockStore.SECTOR];
    Arrays.fill(buf, (byte) 0x7f);
    SectorContent.fill(SectorContent.ZERO, 1234, buf, 0);
    assertArrayEquals(new byte[BlockStore.SECTOR], buf);
    assertEquals(SectorContent.ZERO, SectorContent.tagOf(buf, 0));
  }
}
