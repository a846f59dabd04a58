package org.svmsim.kernel.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bytes of a sector holding content {@code tag}: the tag and the sector number in the first 16 bytes,
 * then bytes derived from both, so two sectors never share content by accident and a byte store can tell
 * which write a sector came from.
 *
 * <p>The body is the sector's seed, a 64-bit hash of the tag and the sector number, XOR-ed into a fixed
 * table of random words: each 8-byte word is one XOR and one store, independent of the others (a chained
 * generator, written byte by byte, made a 4 KiB write cost 500 dependent multiplications, most of a
 * "plain" write's time in the benchmarks). Two sectors share a body only if their seeds collide (odds of
 * 2^-64), and the header names the tag and the sector outright.
 */
public final class SectorContent {
  /** The tag of a sector that was never written: zeroes, as on a freshly created thin disk. */
  public static final long ZERO = 0L;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  /** Big-endian longs in a byte array: one access per 8 bytes. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  /** The body's fixed words, indexed by byte offset / 8 (the first two are the header's places). */
  private static final long[] BODY = new long[BlockStore.SECTOR / 8];

  static {
    for (int i = 2; i < BODY.length; i++) {
      BODY[i] = mix(0x5EC7_0C07_7E47L + i * GOLDEN);
    }
  }

  private SectorContent() {}

  public static void fill(long tag, long lba, byte[] buf, int off) {
    if (tag == ZERO) {
      Arrays.fill(buf, off, off + BlockStore.SECTOR, (byte) 0);
      return;
    }
    LONGS.set(buf, off, tag);
    LONGS.set(buf, off + 8, lba);
    long seed = mix(tag ^ (lba * GOLDEN));
    for (int i = 16; i < BlockStore.SECTOR; i += 8) {
      LONGS.set(buf, off + i, word(seed, i));
    }
  }

  /** The body word at byte {@code i} of a sector whose seed is {@code seed}. */
  private static long word(long seed, int i) {
    return seed ^ BODY[i >>> 3];
  }

  /** The tag of a sector's bytes as {@link #fill} wrote them. */
  public static long tagOf(byte[] buf, int off) {
    return (long) LONGS.get(buf, off);
  }

  /**
   * The tag in the header of the sector at {@code off}, after checking that the whole sector is that tag's
   * content for sector {@code lba}, word by word.
   */
  public static long verifiedTag(byte[] buf, int off, long lba) {
    long tag = tagOf(buf, off);
    int bad = firstBadByte(tag, lba, buf, off);
    if (bad >= 0) {
      throw new IllegalStateException("sector " + lba + " is corrupt: byte " + bad
          + " differs from the content of the tag " + tag + " in its header");
    }
    return tag;
  }

  /** The first byte of the sector at {@code off} that differs from the content of {@code tag}, or -1. */
  static int firstBadByte(long tag, long lba, byte[] buf, int off) {
    if (tag == ZERO) {
      for (int i = 0; i < BlockStore.SECTOR; i += 8) {
        if ((long) LONGS.get(buf, off + i) != 0) {
          return i + Long.numberOfLeadingZeros((long) LONGS.get(buf, off + i)) / 8;
        }
      }
      return -1;
    }
    long diff = (long) LONGS.get(buf, off + 8) ^ lba;
    if (diff != 0) {
      return 8 + Long.numberOfLeadingZeros(diff) / 8;
    }
    long seed = mix(tag ^ (lba * GOLDEN));
    for (int i = 16; i < BlockStore.SECTOR; i += 8) {
      diff = (long) LONGS.get(buf, off + i) ^ word(seed, i);
      if (diff != 0) {
        return i + Long.numberOfLeadingZeros(diff) / 8;
      }
    }
    return -1;
  }

  /** The runs of tags of {@code bytes}, the sectors from {@code lba} on, each sector verified. */
  static long[] decode(long lba, byte[] bytes) {
    long[] runs = new long[12];
    int n = 0;
    for (int i = 0; i < bytes.length / BlockStore.SECTOR; i++) {
      long s = lba + i;
      long tag = verifiedTag(bytes, i * BlockStore.SECTOR, s);
      if (n > 0 && runs[n - 1] == tag) {
        runs[n - 2] = s + 1;
      } else {
        if (n == runs.length) {
          runs = Arrays.copyOf(runs, n * 2);
        }
        runs[n++] = s;
        runs[n++] = s + 1;
        runs[n++] = tag;
      }
    }
    return Arrays.copyOf(runs, n);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
