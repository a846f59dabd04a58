package org.svmsim.kernel.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A disk of real bytes kept outside the Java heap's arrays (off-heap memory, a file), in segments: a
 * segment never written reads as the initial content without holding any, so a 2 TiB disk costs only what
 * the guest wrote (and a bit per segment). Reads hand out byte slices, and a byte slice written here is
 * copied as bytes, never regenerated from tags. Each sector read is checked against its tag unless the
 * store was made with {@code verifyReads} off (benchmarks measuring the bare copy); comparisons and
 * {@link #tagAt} always check.
 *
 * <p>Threads: I/Os may run at once on any threads. Of overlapping ones, a read returns any mix of the old
 * and the new bytes (dirty-block tracking's copier meets that and copies the sectors again); ordering
 * overlapping writes is the caller's business. The backing I/O is positional; the written-segment
 * bitmap is updated atomically and a segment's bit is set only once its initial content is laid down; a
 * segment's first write takes a lock striped by segment, so two first writes of one segment never fill over
 * each other; the fill and verification buffers are per thread.
 */
public abstract class SegmentedStore implements BlockStore, AutoCloseable {
  /** 1 MiB segments. */
  public static final int DEFAULT_SEGMENT_SECTORS = (1 << 20) / SECTOR;
  private static final int FILL_SECTORS = 256;

  private final long capacity;
  private final long initialTag;
  private final int shift;
  private final long[] written;
  private final boolean verifyReads;
  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final ThreadLocal<byte[]> FILL = ThreadLocal.withInitial(() -> new byte[FILL_SECTORS * SECTOR]);
  private static final ThreadLocal<byte[]> BOUNCE = ThreadLocal.withInitial(() -> new byte[256 << 10]);
  private final ReentrantLock[] firstWrites = new ReentrantLock[16];

  protected SegmentedStore(long capacitySectors, long initialTag, int segmentSectors, boolean verifyReads) {
    if (capacitySectors <= 0) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacitySectors + " sectors");
    }
    if (Integer.bitCount(segmentSectors) != 1 || segmentSectors > (1 << 30) / SECTOR) {
      throw new IllegalArgumentException("segment size must be a power of two up to 1 GiB, was "
          + segmentSectors + " sectors");
    }
    this.capacity = capacitySectors;
    this.initialTag = initialTag;
    this.shift = Integer.numberOfTrailingZeros(segmentSectors);
    long segments = (capacitySectors + segmentSectors - 1) >>> shift;
    if (segments > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(segments + " segments: use larger ones");
    }
    this.written = new long[(int) ((segments + 63) >>> 6)];
    this.verifyReads = verifyReads;
    Arrays.setAll(firstWrites, i -> new ReentrantLock());
  }

  /** Reads {@code len} bytes at byte {@code offset} of segment {@code segment}, which was written. */
  protected abstract void load(int segment, int offset, byte[] dst, int off, int len);

  /** Writes {@code len} bytes at byte {@code offset} of segment {@code segment}. */
  protected abstract void store(int segment, int offset, byte[] src, int off, int len);

  /** Whether a segment about to be written for the first time already reads as zeroes (fresh memory, a hole). */
  protected abstract boolean freshSegmentsAreZero();

  /** Makes room for a segment about to be written for the first time (before any {@link #store} to it). */
  protected void allocate(int segment) {}

  @Override
  public long capacitySectors() {
    return capacity;
  }

  @Override
  public void write(long lba, long sectors, long tag) {
    check(lba, sectors);
    byte[] fill = FILL.get();
    for (long s = lba, end = lba + sectors; s < end; ) {
      long next = Math.min(end, Math.min(segmentEnd(s), s + FILL_SECTORS));
      firstWrite(segment(s), s, next);
      int n = (int) (next - s);
      for (int k = 0; k < n; k++) {
        SectorContent.fill(tag, s + k, fill, k * SECTOR);
      }
      store(segment(s), offset(s), fill, 0, n * SECTOR);
      s = next;
    }
  }

  @Override
  public long tagAt(long lba) {
    check(lba, 1);
    if (!isWritten(segment(lba))) {
      return initialTag;
    }
    byte[] sector = new byte[SECTOR];
    load(segment(lba), offset(lba), sector, 0, SECTOR);
    return SectorContent.verifiedTag(sector, 0, lba);
  }

  @Override
  public Slice read(long lba, long sectors) {
    return read(lba, sectors, verifyReads);
  }

  /** The bytes, unverified: a copier's read that may race a write ({@link BlockStore#readForCopy}). */
  @Override
  public Slice readForCopy(long lba, long sectors) {
    return read(lba, sectors, false);
  }

  private Slice read(long lba, long sectors, boolean verify) {
    check(lba, sectors);
    if (allUnwritten(lba, lba + sectors)) {
      return new Slice(lba, sectors, sectors == 0 ? new long[0] : new long[] {lba, lba + sectors, initialTag});
    }
    if (sectors > Slice.MAX_BYTE_SECTORS) { // too long for one array: runs, segment by segment
      long[] runs = new long[0];
      for (long s = lba, end = lba + sectors; s < end; ) {
        long next = Math.min(end, segmentEnd(s));
        runs = SegmentedStore.join(runs, read(s, next - s, verify).runs());
        s = next;
      }
      return new Slice(lba, sectors, runs);
    }
    byte[] bytes = new byte[(int) (sectors * SECTOR)];
    for (long s = lba, end = lba + sectors; s < end; ) {
      long next = Math.min(end, segmentEnd(s));
      int at = (int) ((s - lba) * SECTOR);
      if (isWritten(segment(s))) {
        load(segment(s), offset(s), bytes, at, (int) (next - s) * SECTOR);
      } else {
        for (long k = s; k < next; k++) {
          SectorContent.fill(initialTag, k, bytes, (int) ((k - lba) * SECTOR));
        }
      }
      s = next;
    }
    Slice slice = Slice.ofBytes(lba, sectors, bytes);
    if (verify) {
      slice.runs(); // decodes every sector, and throws on a corrupt one
    }
    return slice;
  }

  @Override
  public void write(Slice slice) {
    check(slice.lba(), slice.sectors());
    if (!slice.hasBytes()) {
      long[] runs = slice.runs();
      for (int i = 0; i < runs.length; i += 3) {
        write(runs[i], runs[i + 1] - runs[i], runs[i + 2]);
      }
      return;
    }
    writeBytes(slice.lba(), slice.sectors(), slice.bytes(), 0);
  }

  /** Writes {@code sectors} sectors of raw bytes from {@code src} at {@code off}, by bulk copy. */
  void writeBytes(long lba, long sectors, byte[] src, int off) {
    check(lba, sectors);
    for (long s = lba, end = lba + sectors; s < end; ) {
      long next = Math.min(end, segmentEnd(s));
      firstWrite(segment(s), s, next);
      store(segment(s), offset(s), src, off + (int) ((s - lba) * SECTOR), (int) (next - s) * SECTOR);
      s = next;
    }
  }

  /**
   * Moves bytes by bulk copy when the destination keeps real bytes too: straight from segment to segment
   * where the two kinds allow it ({@link #transfer}: {@code ByteBuffer.put} between off-heap segments,
   * {@code FileChannel.transferTo} between files), else through one buffer; a heap store's segment is
   * loaded into directly. The bytes are neither decoded nor verified on the way, as a data mover copies
   * blocks it does not understand: a later read, {@link #tagAt} or comparison checks them.
   */
  @Override
  public void copyTo(long lba, long sectors, BlockStore destination) {
    check(lba, sectors);
    if (destination.capacitySectors() != capacity) {
      throw new IllegalArgumentException("a copy between disks of " + capacity + " and "
          + destination.capacitySectors() + " sectors");
    }
    SegmentedStore d = destination instanceof SegmentedStore x ? x : null;
    ByteStore b = destination instanceof ByteStore x ? x : null;
    if (d == null && b == null) {
      BlockStore.super.copyTo(lba, sectors, destination);
      return;
    }
    for (long s = lba, end = lba + sectors; s < end; ) {
      long next = Math.min(Math.min(end, segmentEnd(s)), d != null ? d.segmentEnd(s) : b.segmentEnd(s));
      int len = (int) (next - s) * SECTOR;
      if (!isWritten(segment(s))) {
        destination.write(s, next - s, initialTag);
      } else if (b != null) {
        load(segment(s), offset(s), b.segmentFor(s), b.offsetOf(s), len);
      } else {
        d.firstWrite(d.segment(s), s, next);
        if (!transfer(segment(s), offset(s), d, d.segment(s), d.offset(s), len)) {
          byte[] buffer = BOUNCE.get();
          for (int at = 0; at < len; at += buffer.length) {
            int n = Math.min(buffer.length, len - at);
            load(segment(s), offset(s) + at, buffer, 0, n);
            d.store(d.segment(s), d.offset(s) + at, buffer, 0, n);
          }
        }
      }
      s = next;
    }
  }

  /**
   * Copies {@code len} bytes from one of this store's written segments straight into one of {@code dst}'s
   * (already laid down for its first write); false when this kind of store has no direct way into
   * {@code dst}'s kind, and the copy goes through a buffer.
   */
  protected boolean transfer(int segment, int offset, SegmentedStore dst, int dstSegment, int dstOffset, int len) {
    return false;
  }

  @Override
  public long firstDifference(BlockStore other) {
    if (other.capacitySectors() != capacity) {
      return Math.min(other.capacitySectors(), capacity);
    }
    long step = 1L << shift;
    for (long at = 0; at < capacity; at += step) {
      long len = Math.min(step, capacity - at);
      long d = firstDifference(readChecked(at, len), other.read(at, len));
      if (d >= 0) {
        return d;
      }
    }
    return -1;
  }

  /** A read whose sectors are checked even when reads are not: comparisons never trust bytes. */
  private Slice readChecked(long lba, long sectors) {
    Slice slice = read(lba, sectors);
    slice.runs();
    return slice;
  }

  /** The first sector where two slices of one range differ, or -1: bytes against bytes, else runs. */
  static long firstDifference(Slice a, Slice b) {
    if (a.hasBytes() && b.hasBytes()) {
      int i = Arrays.mismatch(a.bytes(), b.bytes());
      return i < 0 ? -1 : a.lba() + i / SECTOR;
    }
    long[] x = a.runs();
    long[] y = b.runs();
    int i = Arrays.mismatch(x, y);
    if (i < 0) {
      return -1;
    }
    int t = i - i % 3; // canonical runs: the first differing triple starts where both do
    return x[t + 2] != y[t + 2] ? x[t] : Math.min(x[t + 1], y[t + 1]);
  }

  /** Appends runs, merging the seam when the tags match. */
  static long[] join(long[] a, long[] b) {
    if (a.length > 0 && b.length > 0 && a[a.length - 1] == b[2] && a[a.length - 2] == b[0]) {
      long[] out = Arrays.copyOf(a, a.length + b.length - 3);
      out[a.length - 2] = b[1];
      System.arraycopy(b, 3, out, a.length, b.length - 3);
      return out;
    }
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Before a segment's first write, lays down the initial content around {@code [from, to)}. */
  private void firstWrite(int segment, long from, long to) {
    if (isWritten(segment)) {
      return;
    }
    ReentrantLock lock = firstWrites[segment & (firstWrites.length - 1)];
    lock.lock();
    try {
      if (isWritten(segment)) { // another thread's first write got there first
        return;
      }
      allocate(segment);
      if (initialTag != SectorContent.ZERO || !freshSegmentsAreZero()) {
        long start = (long) segment << shift;
        fillInitial(start, from);
        fillInitial(to, Math.min(capacity, start + (1L << shift)));
      }
      WORDS.getAndBitwiseOr(written, segment >>> 6, 1L << segment); // readers now see the filled segment
    } finally {
      lock.unlock();
    }
  }

  private void fillInitial(long from, long to) {
    byte[] fill = FILL.get();
    for (long s = from; s < to; ) {
      int n = (int) Math.min(FILL_SECTORS, to - s);
      for (int k = 0; k < n; k++) {
        SectorContent.fill(initialTag, s + k, fill, k * SECTOR);
      }
      store(segment(s), offset(s), fill, 0, n * SECTOR);
      s += n;
    }
  }

  private boolean allUnwritten(long from, long to) {
    for (long s = from; s < to; s = segmentEnd(s)) {
      if (isWritten(segment(s))) {
        return false;
      }
    }
    return true;
  }

  private boolean isWritten(int segment) {
    return ((long) WORDS.getVolatile(written, segment >>> 6) & (1L << segment)) != 0;
  }

  /** Segments written so far: what the store holds. */
  public long writtenSegments() {
    long n = 0;
    for (long w : written) {
      n += Long.bitCount(w);
    }
    return n;
  }

  protected final int segmentSectors() {
    return 1 << shift;
  }

  private int segment(long lba) {
    return (int) (lba >>> shift);
  }

  private long segmentEnd(long lba) {
    return Math.min(capacity, ((lba >>> shift) + 1) << shift);
  }

  private int offset(long lba) {
    return (int) (lba & ((1L << shift) - 1)) * SECTOR;
  }

  private void check(long lba, long sectors) {
    if (lba < 0 || sectors < 0 || sectors > capacity - lba) {
      throw new IndexOutOfBoundsException(
          "sectors [" + lba + ", " + (lba + sectors) + ") outside a disk of " + capacity + " sectors");
    }
  }
}
