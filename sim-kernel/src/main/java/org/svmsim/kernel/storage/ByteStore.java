package org.svmsim.kernel.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;

/**
 * A disk of real bytes, so that the copy path runs on actual content (JMH, tests) and every sector it
 * hands out is first verified against {@link SectorContent}, never trusted.
 *
 * <p>Threads: I/Os may run at once on any threads (a segment is published by compare-and-set). Of
 * overlapping ones, a read returns any mix of the old and the new bytes (dirty-block tracking's copier
 * meets that and copies the sectors again: {@link #readForCopy}); ordering overlapping writes is the
 * caller's business, as the mirror's region locks do.
 */
public final class ByteStore implements BlockStore {
  /** 8 GiB: beyond that a fully written disk would not fit any sensible heap. */
  public static final long MAX_CAPACITY_SECTORS = (8L << 30) / SECTOR;
  private static final int DEFAULT_SEGMENT_SECTORS = (1 << 20) / SECTOR;

  private final long capacity;
  private final long initialTag;
  private final int shift;
  private final byte[][] segments;
  private static final VarHandle SEGMENTS = MethodHandles.arrayElementVarHandle(byte[][].class);

  /**
   * A disk whose every sector holds {@code initialTag} ({@link SectorContent#ZERO} for a new disk). Memory
   * comes in 1 MiB heap segments made on first write, an unwritten one reading as the initial content: a
   * disk may have up to 8 GiB, as long as the heap holds what gets written; use an {@link ExtentStore}
   * beyond that.
   */
  public ByteStore(long capacitySectors, long initialTag) {
    this(capacitySectors, initialTag, DEFAULT_SEGMENT_SECTORS);
  }

  /** Tests use tiny segments so that small disks cross many segment boundaries. */
  ByteStore(long capacitySectors, long initialTag, int segmentSectors) {
    if (capacitySectors <= 0 || capacitySectors > MAX_CAPACITY_SECTORS) {
      throw new IllegalArgumentException("a ByteStore holds 1 to " + MAX_CAPACITY_SECTORS
          + " sectors (8 GiB), not " + capacitySectors + "; use an ExtentStore for larger disks");
    }
    if (Integer.bitCount(segmentSectors) != 1) {
      throw new IllegalArgumentException("segment size must be a power of two, was " + segmentSectors);
    }
    this.capacity = capacitySectors;
    this.initialTag = initialTag;
    this.shift = Integer.numberOfTrailingZeros(segmentSectors);
    this.segments = new byte[(int) ((capacitySectors + segmentSectors - 1) >>> shift)][];
  }

  @Override
  public long capacitySectors() {
    return capacity;
  }

  @Override
  public void write(long lba, long sectors, long tag) {
    check(lba, sectors);
    for (long s = lba, end = lba + sectors, next; s < end; s = next) {
      next = Math.min(end, segmentStart(s) + (1L << shift));
      byte[] segment = allocated(s);
      for (int k = 0, off = offset(s), n = (int) (next - s); k < n; k++, off += SECTOR) {
        SectorContent.fill(tag, s + k, segment, off);
      }
    }
  }

  /**
   * Moves bytes by bulk copy ({@code System.arraycopy}, segment by segment) when the destination keeps real
   * bytes too; they are neither decoded nor verified on the way, as a data mover copies blocks it does not
   * understand: a later read, {@link #tagAt} or comparison checks them.
   */
  @Override
  public void copyTo(long lba, long sectors, BlockStore destination) {
    check(lba, sectors);
    if (destination.capacitySectors() != capacity) {
      throw new IllegalArgumentException("a copy between disks of " + capacity + " and "
          + destination.capacitySectors() + " sectors");
    }
    if (!(destination instanceof ByteStore) && !(destination instanceof SegmentedStore)) {
      BlockStore.super.copyTo(lba, sectors, destination);
      return;
    }
    for (long s = lba, end = lba + sectors, next; s < end; s = next) {
      next = Math.min(end, segmentStart(s) + (1L << shift));
      byte[] segment = (byte[]) SEGMENTS.getAcquire(segments, (int) (s >>> shift));
      if (segment == null) {
        destination.write(s, next - s, initialTag);
      } else if (destination instanceof ByteStore b) {
        b.writeBytes(s, next - s, segment, offset(s));
      } else {
        ((SegmentedStore) destination).writeBytes(s, next - s, segment, offset(s));
      }
    }
  }

  /** Writes {@code sectors} sectors of raw bytes from {@code src} at {@code off}, by bulk copy. */
  void writeBytes(long lba, long sectors, byte[] src, int off) {
    check(lba, sectors);
    for (long s = lba, end = lba + sectors, next; s < end; s = next) {
      next = Math.min(end, segmentStart(s) + (1L << shift));
      System.arraycopy(src, off + (int) (s - lba) * SECTOR, allocated(s), offset(s), (int) (next - s) * SECTOR);
    }
  }

  /** Where sector {@code lba}'s bytes live, allocating its segment: for another store's bulk copy in. */
  byte[] segmentFor(long lba) {
    check(lba, 1);
    return allocated(lba);
  }

  /** The byte offset of sector {@code lba} in {@link #segmentFor}'s array. */
  int offsetOf(long lba) {
    return offset(lba);
  }

  /** The segment boundary after {@code lba}: a bulk copy into this store stops there. */
  long segmentEnd(long lba) {
    return Math.min(capacity, segmentStart(lba) + (1L << shift));
  }

  @Override
  public long tagAt(long lba) {
    check(lba, 1);
    return verifiedTag(lba);
  }

  /**
   * The content as bytes (as runs only for a range never written, or longer than a byte slice may be),
   * every written sector verified against its tag as it is decoded.
   */
  @Override
  public Slice read(long lba, long sectors) {
    return read(lba, sectors, true);
  }

  /** The bytes, unverified: a copier's read that may race a write ({@link BlockStore#readForCopy}). */
  @Override
  public Slice readForCopy(long lba, long sectors) {
    return read(lba, sectors, false);
  }

  private Slice read(long lba, long sectors, boolean verify) {
    check(lba, sectors);
    boolean written = false;
    for (long s = lba; s < lba + sectors && !written; s = segmentStart(s) + (1L << shift)) {
      written = segments[(int) (s >>> shift)] != null;
    }
    if (written && sectors <= Slice.MAX_BYTE_SECTORS) {
      byte[] bytes = new byte[(int) (sectors * SECTOR)];
      for (long s = lba, end = lba + sectors, next; s < end; s = next) {
        next = Math.min(end, segmentStart(s) + (1L << shift));
        byte[] segment = segments[(int) (s >>> shift)];
        if (segment != null) {
          System.arraycopy(segment, offset(s), bytes, (int) (s - lba) * SECTOR, (int) (next - s) * SECTOR);
        } else {
          for (long k = s; k < next; k++) {
            SectorContent.fill(initialTag, k, bytes, (int) (k - lba) * SECTOR);
          }
        }
      }
      Slice slice = Slice.ofBytes(lba, sectors, bytes);
      if (verify) {
        slice.runs(); // verifies every sector now: a store of real bytes never hands out a corrupt one
      }
      return slice;
    }
    return new Slice(lba, sectors, runs(lba, sectors));
  }

  private long[] runs(long lba, long sectors) {
    long[] runs = new long[12];
    int n = 0;
    for (long s = lba, end = lba + sectors, next; s < end; s = next) {
      long tag;
      if (segments[(int) (s >>> shift)] == null) { // the whole rest of the segment holds the initial content
        tag = initialTag;
        next = Math.min(end, segmentStart(s) + (1L << shift));
      } else {
        tag = verifiedTag(s);
        next = s + 1;
      }
      if (n > 0 && runs[n - 1] == tag) {
        runs[n - 2] = next;
      } else {
        if (n == runs.length) {
          runs = Arrays.copyOf(runs, n * 2);
        }
        runs[n++] = s;
        runs[n++] = next;
        runs[n++] = tag;
      }
    }
    return Arrays.copyOf(runs, n);
  }

  /** Writes a slice: its bytes, copied, when it carries them (a copy between byte stores), else its runs. */
  @Override
  public void write(Slice slice) {
    check(slice.lba(), slice.sectors());
    if (slice.hasBytes()) {
      writeBytes(slice.lba(), slice.sectors(), slice.bytes(), 0);
      return;
    }
    long[] runs = slice.runs();
    for (int i = 0; i < runs.length; i += 3) {
      write(runs[i], runs[i + 1] - runs[i], runs[i + 2]);
    }
  }

  @Override
  public long firstDifference(BlockStore other) {
    if (other.capacitySectors() != capacity) {
      return Math.min(other.capacitySectors(), capacity);
    }
    if (other instanceof ByteStore b && b.shift == shift) {
      return firstByteDifference(b);
    }
    // Another kind of store: compare its runs with our tags, decoded (and so verified) from our bytes.
    for (long at = 0; at < capacity; at += 1L << shift) {
      long[] runs = other.read(at, Math.min(1L << shift, capacity - at)).runs();
      boolean unwritten = segments[(int) (at >>> shift)] == null;
      for (int i = 0; i < runs.length; i += 3) {
        for (long s = runs[i]; s < runs[i + 1]; s = unwritten ? runs[i + 1] : s + 1) {
          if ((unwritten ? initialTag : verifiedTag(s)) != runs[i + 2]) {
            return s;
          }
        }
      }
    }
    return -1;
  }

  private long firstByteDifference(ByteStore other) {
    for (int i = 0; i < segments.length; i++) {
      long base = (long) i << shift;
      byte[] mine = segments[i];
      byte[] theirs = other.segments[i];
      if (mine == null && theirs == null) {
        // fill puts the tag in each sector's first 8 bytes, so distinct initial tags differ at every sector.
        if (initialTag != other.initialTag) {
          return base;
        }
      } else if (mine != null && theirs != null) {
        int at = Arrays.mismatch(mine, theirs);
        if (at >= 0) {
          return base + at / SECTOR;
        }
      } else { // one side still holds its initial content: compare the other's bytes with it
        byte[] written = mine != null ? mine : theirs;
        long tag = mine != null ? other.initialTag : initialTag;
        for (int k = 0; k < written.length / SECTOR; k++) {
          if (SectorContent.firstBadByte(tag, base + k, written, k * SECTOR) >= 0) {
            return base + k;
          }
        }
      }
    }
    return -1;
  }

  /** The tag in a sector's header, after checking that the whole sector is that tag's content. */
  private long verifiedTag(long lba) {
    byte[] segment = segments[(int) (lba >>> shift)];
    if (segment == null) {
      return initialTag;
    }
    return SectorContent.verifiedTag(segment, offset(lba), lba);
  }

  private byte[] allocated(long lba) {
    int i = (int) (lba >>> shift);
    byte[] existing = (byte[]) SEGMENTS.getAcquire(segments, i);
    if (existing == null) {
      long base = segmentStart(lba);
      int sectors = (int) Math.min(1L << shift, capacity - base);
      byte[] segment = new byte[sectors * SECTOR];
      if (initialTag != SectorContent.ZERO) {
        for (int k = 0; k < sectors; k++) {
          SectorContent.fill(initialTag, base + k, segment, k * SECTOR);
        }
      }
      SEGMENTS.compareAndSet(segments, i, (byte[]) null, segment); // a racing writer's segment wins alike
      existing = (byte[]) SEGMENTS.getAcquire(segments, i);
    }
    return existing;
  }

  private long segmentStart(long lba) {
    return lba >>> shift << shift;
  }

  private int offset(long lba) {
    return (int) (lba - segmentStart(lba)) * SECTOR;
  }

  private void check(long lba, long sectors) {
    if (lba < 0 || sectors < 0 || sectors > capacity - lba) {
      throw new IndexOutOfBoundsException(
          "sectors [" + lba + ", " + (lba + sectors) + ") outside a disk of " + capacity + " sectors");
    }
  }

  /** How many segments hold real memory: what the disk costs the heap, for tests. */
  int allocatedSegments() {
    return (int) Arrays.stream(segments).filter(Objects::nonNull).count();
  }

  /** Flips one bit of a sector's bytes, as a bad disk would: lets tests check that corruption is caught. */
  void corrupt(long lba, int byteInSector) {
    check(lba, 1);
    allocated(lba)[offset(lba) + byteInSector] ^= 1;
  }
}
