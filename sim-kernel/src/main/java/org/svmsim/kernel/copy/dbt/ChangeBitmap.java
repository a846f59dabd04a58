package org.svmsim.kernel.copy.dbt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One bit per block of a disk, in long words: what changed-block tracking keeps in memory. A 2 TiB disk at
 * 64 KiB blocks is 32 M bits, 4 MiB; at 4 KiB blocks 64 MiB (ESXi caps all such bitmaps of a host at
 * {@code Mem.MemCBTBitmapMaxAlloc}, 1 GiB). Blocks are counted in units of the bitmap, sectors are the
 * disk's: {@link #markSectors} converts, rounding outwards, so a write touching part of a block dirties it.
 *
 * <p>Threads: guest writers mark the blocks of a write that has landed ({@link #markWritten}), any number
 * at once, and the copier takes the set with a per-word {@code getAndSet(0)} ({@link #moveTo}) before it
 * reads those blocks: every bit is either in the taken set or in the one left behind, never lost, without a
 * lock. A mark reads the word first and skips the atomic when its bits are set already, the common case
 * (a block written again within a pass), so writers of one word do not bounce its cache line between
 * them; a full fence before that read keeps the write's bytes from being overtaken by it (see
 * {@link #markWritten}). Everything else (iteration, {@link #or}, {@link #andNot}, {@link #clearAll}) is
 * for a bitmap one thread owns: the copier's taken sets.
 */
public final class ChangeBitmap {
  private final long blocks;
  private final long blockSectors;
  private final int blockShift; // log2 of blockSectors when a power of two, else -1: a write costs no division
  private final long capacitySectors;
  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle COUNT;

  static {
    try {
      COUNT = MethodHandles.lookup().findVarHandle(ChangeBitmap.class, "count", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long[] words;
  private volatile long count;

  /** A clear bitmap of a disk of {@code capacitySectors}, one bit per {@code blockSectors}. */
  public ChangeBitmap(long capacitySectors, long blockSectors) {
    if (capacitySectors <= 0 || blockSectors <= 0) {
      throw new IllegalArgumentException("capacity and block size must be positive, were " + capacitySectors
          + " and " + blockSectors + " sectors");
    }
    this.capacitySectors = capacitySectors;
    this.blockSectors = blockSectors;
    this.blockShift = Long.bitCount(blockSectors) == 1 ? Long.numberOfTrailingZeros(blockSectors) : -1;
    this.blocks = (capacitySectors + blockSectors - 1) / blockSectors;
    long wordCount = (blocks + 63) >>> 6;
    if (wordCount > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(blocks + " blocks do not fit one bitmap; use larger blocks");
    }
    this.words = new long[(int) wordCount];
  }

  /** A bitmap like {@code shape}, with the same bits set. */
  public ChangeBitmap(ChangeBitmap shape) {
    this(shape.capacitySectors, shape.blockSectors);
    System.arraycopy(shape.words, 0, words, 0, words.length);
    count = shape.count;
  }

  /**
   * Dirties every block that sectors {@code [lba, lba + sectors)} touch, for a write that has landed
   * ({@link #markWritten}); returns how many were clear.
   */
  public long markSectors(long lba, long sectors) {
    return markWritten(firstBlock(lba, sectors), lastBlock(lba, sectors) + 1);
  }

  /** The block of sector {@code lba}, after checking that {@code [lba, lba + sectors)} is on the disk. */
  long firstBlock(long lba, long sectors) {
    if (lba < 0 || sectors <= 0 || sectors > capacitySectors - lba) {
      throw new IndexOutOfBoundsException("sectors [" + lba + ", " + (lba + sectors) + ") outside a disk of "
          + capacitySectors + " sectors");
    }
    return blockShift >= 0 ? lba >>> blockShift : lba / blockSectors;
  }

  long lastBlock(long lba, long sectors) {
    long last = lba + sectors - 1;
    return blockShift >= 0 ? last >>> blockShift : last / blockSectors;
  }

  /**
   * Sets blocks {@code [from, to)}; returns how many were clear. Safe from any number of threads, but it
   * orders nothing before it: a guest write marks with {@link #markWritten}.
   */
  public long set(long from, long to) {
    checkBlocks(from, to);
    long added = 0;
    for (long b = from; b < to; ) {
      int w = (int) (b >>> 6);
      long end = Math.min(to, ((long) w + 1) << 6);
      long mask = rangeMask(b, end);
      // A bit seen set can only be cleared by a later moveTo, which takes it: skip the atomic update.
      if (((long) WORDS.getVolatile(words, w) & mask) != mask) {
        added += Long.bitCount(mask & ~(long) WORDS.getAndBitwiseOr(words, w, mask));
      }
      b = end;
    }
    if (added != 0) {
      COUNT.getAndAdd(this, added);
    }
    return added;
  }

  /**
   * Marks blocks {@code [from, to)} dirty for a write whose bytes the caller has just put on the disk;
   * returns how many were clear. Safe from any number of threads, lock-free, and in the common case (every
   * bit set already) free of atomic updates: one fence and one read per word.
   *
   * <p>Why the fence: the write's bytes are plain stores, and a processor may let a later load overtake
   * them (x86 does, through its store buffer). Without it a writer could see its bit still set, skip the
   * update and return, while the copier takes that bit and reads the block before the bytes are visible:
   * the block would be copied old and never again. With {@code fullFence} between the bytes and the read
   * (the copier's {@code getAndSet} is a full fence too), either the writer reads the word after the
   * copier's take, sees the bit clear and sets it again, or the copier's read of the block comes after the
   * bytes: the classic two-sided (Dekker) argument. When a bit is clear, {@code getAndBitwiseOr} sets it;
   * it orders the bytes before it by itself.
   */
  public long markWritten(long from, long to) {
    VarHandle.fullFence();
    return set(from, to);
  }

  /**
   * Sets blocks {@code [from, to)} and sets in {@code repeats} those that were already set: a block written
   * twice in one pass is a hot block. Returns how many were clear. For a write that has landed, as
   * {@link #markWritten}: the unconditional {@code getAndBitwiseOr} orders the write's bytes before it.
   */
  public long set(long from, long to, ChangeBitmap repeats) {
    sameShape(repeats);
    checkBlocks(from, to);
    long total = 0;
    for (long b = from; b < to; ) {
      int w = (int) (b >>> 6);
      long end = Math.min(to, ((long) w + 1) << 6);
      long mask = rangeMask(b, end);
      long before = (long) WORDS.getAndBitwiseOr(words, w, mask);
      long added = Long.bitCount(mask & ~before);
      if (added != 0) {
        COUNT.getAndAdd(this, added);
      }
      total += added;
      long again = mask & before;
      if (again != 0 && (repeats.words[w] & again) != again) {
        long newly = Long.bitCount(again & ~(long) WORDS.getAndBitwiseOr(repeats.words, w, again));
        if (newly != 0) {
          COUNT.getAndAdd(repeats, newly);
        }
      }
      b = end;
    }
    return total;
  }

  /**
   * Moves every set bit into {@code into} (or-ed with what it holds) and clears it here, word by word
   * atomically: a bit set meanwhile by another thread is either moved or left here, never lost. The
   * copier's pass boundary. Returns how many bits were moved.
   */
  public long moveTo(ChangeBitmap into) {
    sameShape(into);
    long moved = 0;
    long added = 0;
    for (int i = 0; i < words.length; i++) {
      if (words[i] == 0) {
        continue;
      }
      long taken = (long) WORDS.getAndSet(words, i, 0L);
      moved += Long.bitCount(taken);
      added += Long.bitCount(taken & ~into.words[i]);
      into.words[i] |= taken;
    }
    COUNT.getAndAdd(this, -moved);
    into.count = into.count + added;
    return moved;
  }

  /** Clears every block. */
  public void clearAll() {
    Arrays.fill(words, 0);
    count = 0;
  }

  /** Clears blocks {@code [from, to)}. */
  public void clear(long from, long to) {
    checkBlocks(from, to);
    for (long b = from; b < to; ) {
      int w = (int) (b >>> 6);
      long end = Math.min(to, ((long) w + 1) << 6);
      long mask = rangeMask(b, end);
      count = count - Long.bitCount(mask & words[w]);
      words[w] &= ~mask;
      b = end;
    }
  }

  public boolean get(long block) {
    checkBlocks(block, block + 1);
    return (words[(int) (block >>> 6)] & (1L << block)) != 0;
  }

  /** The dirty set, moved into a new bitmap; this one is left clear: the copier's pass boundary. */
  public ChangeBitmap takeAndClear() {
    ChangeBitmap taken = new ChangeBitmap(capacitySectors, blockSectors);
    moveTo(taken);
    return taken;
  }

  /** Sets every bit that {@code other} has set. */
  public void or(ChangeBitmap other) {
    sameShape(other);
    long n = 0;
    for (int i = 0; i < words.length; i++) {
      words[i] |= other.words[i];
      n += Long.bitCount(words[i]);
    }
    count = n;
  }

  /** Clears every bit that {@code other} has set. */
  public void andNot(ChangeBitmap other) {
    sameShape(other);
    long n = 0;
    for (int i = 0; i < words.length; i++) {
      words[i] &= ~other.words[i];
      n += Long.bitCount(words[i]);
    }
    count = n;
  }

  /** The first set block at or after {@code from}, or -1. */
  public long nextSet(long from) {
    if (from >= blocks) {
      return -1;
    }
    int w = (int) (from >>> 6);
    long word = words[w] & (-1L << from);
    while (word == 0) {
      if (++w == words.length) {
        return -1;
      }
      word = words[w];
    }
    long b = ((long) w << 6) + Long.numberOfTrailingZeros(word);
    return b < blocks ? b : -1;
  }

  /** The first clear block at or after {@code from}, or {@link #blocks()} when all the rest is set. */
  public long nextClear(long from) {
    return nextClear(from, blocks);
  }

  /**
   * The first clear block in {@code [from, limit)}, or {@code limit} when all of it is set: a copier asks
   * only as far as its chunk reaches, so a whole-disk run costs a chunk's worth of words, not the disk's.
   */
  public long nextClear(long from, long limit) {
    long end = Math.min(limit, blocks);
    if (from >= end) {
      return end;
    }
    int w = (int) (from >>> 6);
    long word = ~words[w] & (-1L << from);
    while (word == 0) {
      if (++w == words.length || (long) w << 6 >= end) {
        return end;
      }
      word = ~words[w];
    }
    return Math.min(end, ((long) w << 6) + Long.numberOfTrailingZeros(word));
  }

  /** Calls {@code visitor} for every run of set blocks, coalesced, in order, as sectors clipped to the disk. */
  public void forEachRange(RangeVisitor visitor) {
    for (long b = nextSet(0); b >= 0; ) {
      long end = nextClear(b);
      visitor.range(b * blockSectors, Math.min(capacitySectors, end * blockSectors));
      b = nextSet(end);
    }
  }

  /** Receives sectors {@code [start, end)}. */
  @FunctionalInterface
  public interface RangeVisitor {
    void range(long start, long end);
  }

  /** Set blocks. */
  public long count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The sectors the set blocks cover on the disk (the last block may be short). */
  public long dirtySectors() {
    long sectors = count * blockSectors;
    long tail = blocks * blockSectors - capacitySectors;
    return tail > 0 && get(blocks - 1) ? sectors - tail : sectors;
  }

  public long dirtyBytes() {
    return dirtySectors() * org.svmsim.kernel.storage.BlockStore.SECTOR;
  }

  public long blocks() {
    return blocks;
  }

  public long blockSectors() {
    return blockSectors;
  }

  public long capacitySectors() {
    return capacitySectors;
  }

  /** What the bitmap costs the heap: the words and the array header. */
  public long memoryBytes() {
    return 16L + 8L * words.length;
  }

  private static long rangeMask(long from, long to) {
    long high = (to & 63) == 0 ? -1L : ~(-1L << to);
    return (-1L << from) & high;
  }

  private void checkBlocks(long from, long to) {
    if (from < 0 || to > blocks || from > to) {
      throw new IndexOutOfBoundsException("blocks [" + from + ", " + to + ") outside a bitmap of " + blocks);
    }
  }

  private void sameShape(ChangeBitmap other) {
    if (other.blocks != blocks || other.blockSectors != blockSectors) {
      throw new IllegalArgumentException("bitmaps of " + blocks + " and " + other.blocks + " blocks");
    }
  }
}
