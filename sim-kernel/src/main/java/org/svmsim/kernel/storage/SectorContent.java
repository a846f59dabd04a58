package org.svmsim.kernel.storage;

/**
 * The bytes of a sector holding content {@code tag}: the tag and the sector number in the first 16 bytes,
 * then bytes derived from both, so two sectors never share content by accident and a byte store can tell
 * which write a sector came from.
 */
public final class SectorContent {
  /** The tag of a sector that was never written: zeroes, as on a freshly created thin disk. */
  public static final long ZERO = 0L;

  private SectorContent() {}

  public static void fill(long tag, long lba, byte[] buf, int off) {
    if (tag == ZERO) {
      java.util.Arrays.fill(buf, off, off + BlockStore.SECTOR, (byte) 0);
      return;
    }
    putLong(buf, off, tag);
    putLong(buf, off + 8, lba);
    long x = mix(tag ^ (lba * 0x9E3779B97F4A7C15L));
    for (int i = 16; i < BlockStore.SECTOR; i += 8) {
      x = mix(x + 0x9E3779B97F4A7C15L);
      putLong(buf, off + i, x);
    }
  }

  /** The tag of a sector's bytes as {@link #fill} wrote them. */
  public static long tagOf(byte[] buf, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[off + i] & 0xff);
    }
    return v;
  }

  /**
   * The tag in the header of the sector at {@code off}, after checking that the whole sector is that tag's
   * content for sector {@code lba}; {@code scratch} is a sector's worth of working space.
   */
  public static long verifiedTag(byte[] buf, int off, long lba, byte[] scratch) {
    long tag = tagOf(buf, off);
    fill(tag, lba, scratch, 0);
    int bad = java.util.Arrays.mismatch(buf, off, off + BlockStore.SECTOR, scratch, 0, BlockStore.SECTOR);
    if (bad >= 0) {
      throw new IllegalStateException("sector " + lba + " is corrupt: byte " + bad
          + " differs from the content of the tag " + tag + " in its header");
    }
    return tag;
  }

  /** The runs of tags of {@code bytes}, the sectors from {@code lba} on, each sector verified. */
  static long[] decode(long lba, byte[] bytes) {
    byte[] scratch = new byte[BlockStore.SECTOR];
    long[] runs = new long[12];
    int n = 0;
    for (int i = 0; i < bytes.length / BlockStore.SECTOR; i++) {
      long s = lba + i;
      long tag = verifiedTag(bytes, i * BlockStore.SECTOR, s, scratch);
      if (n > 0 && runs[n - 1] == tag) {
        runs[n - 2] = s + 1;
      } else {
        if (n == runs.length) {
          runs = java.util.Arrays.copyOf(runs, n * 2);
        }
        runs[n++] = s;
        runs[n++] = s + 1;
        runs[n++] = tag;
      }
    }
    return java.util.Arrays.copyOf(runs, n);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static void putLong(byte[] buf, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      buf[off + i] = (byte) v;
      v >>>= 8;
    }
  }
}
