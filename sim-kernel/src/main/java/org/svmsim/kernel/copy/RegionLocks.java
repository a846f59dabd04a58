package org.svmsim.kernel.copy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Striped locks over a disk's regions, for the write paths whose writers must be ordered against each
 * other or against the copier (the mirror, the redo-log chain), so that one copier and several guest
 * writers may run on real threads. A region is {@code regionSectors} aligned sectors (1 MiB by default);
 * region {@code r} maps to stripe {@code r mod stripes}, at most 64 stripes so that the stripes an I/O
 * covers fit one {@code long} mask. An I/O locks its stripes in ascending order, and so does
 * {@link #lockAll}: no deadlock is possible.
 *
 * <p>Why stripes rather than one lock or a single-writer queue: guest writes to different regions never
 * wait for each other (a lock around everything would serialise every writer), overlapping I/Os are
 * ordered the same way on every disk they reach (the stores promise no order between overlapping
 * accesses), and the copier, which moves the shared cursor rarely (once per chunk), pays for all the
 * stripes only at those instants. A single-writer queue would hand every write to another thread: a
 * context switch per guest write, the very cost the mirror's synchronous write path is measured for.
 *
 * <p>Each stripe is one word of its own cache line (no two stripes' writers share a line), taken by one
 * compare-and-set and given back by a release store: one atomic instruction per stripe and I/O, where a
 * {@code ReentrantLock} costs two (its unlock is a volatile write, a full fence on x86). A holder keeps a
 * stripe for one I/O, or the copier for moving its cursor and applying the writes held on its chunk, so
 * a waiter spins briefly and then yields its processor to the holder (which on 2 busy cores may be waiting
 * for it) instead of parking.
 *
 * <p>In the simulation everything runs on the event loop's thread: the locks are never contended and
 * change nothing in the order of events.
 */
public final class RegionLocks {
  /** 1 MiB regions. */
  public static final long DEFAULT_REGION_SECTORS = 2048;
  public static final int DEFAULT_STRIPES = 64;
  private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(long[].class);
  private static final int LINE = 8; // longs per 64-byte cache line: stripe i is word i * LINE
  private static final int SPINS = 128;

  private final long regionSectors;
  private final int regionShift; // log2 of regionSectors when a power of two, else -1: a shift, not a division
  private final long[] states; // 1 held, 0 free
  private final int stripeCount;
  private final int mask;
  private final long all;

  public RegionLocks() {
    this(DEFAULT_REGION_SECTORS, DEFAULT_STRIPES);
  }

  /** {@code stripes} must be a power of two from 1 to 64. */
  public RegionLocks(long regionSectors, int stripes) {
    if (regionSectors <= 0) {
      throw new IllegalArgumentException("regionSectors must be positive, was " + regionSectors);
    }
    if (stripes < 1 || stripes > 64 || Integer.bitCount(stripes) != 1) {
      throw new IllegalArgumentException("stripes must be a power of two from 1 to 64, was " + stripes);
    }
    this.regionSectors = regionSectors;
    this.regionShift = Long.bitCount(regionSectors) == 1 ? Long.numberOfTrailingZeros(regionSectors) : -1;
    this.states = new long[(stripes + 1) * LINE]; // a line of padding before the first stripe too
    this.stripeCount = stripes;
    this.mask = stripes - 1;
    this.all = stripes == 64 ? -1L : (1L << stripes) - 1;
  }

  /** The stripes sectors {@code [lba, lba + sectors)} map to, as a bit mask. */
  public long stripesOf(long lba, long sectors) {
    long end = lba + Math.max(1, sectors) - 1;
    long first = regionShift >= 0 ? lba >>> regionShift : lba / regionSectors;
    long last = regionShift >= 0 ? end >>> regionShift : end / regionSectors;
    if (first == last) { // the common case: an I/O within one region
      return 1L << (first & mask);
    }
    if (last - first >= mask) {
      return all;
    }
    long bits = 0;
    for (long r = first; r <= last; r++) {
      bits |= 1L << (r & mask);
    }
    return bits;
  }

  /** Locks the stripes of {@code [lba, lba + sectors)}; returns the mask to give {@link #unlock}. */
  public long lock(long lba, long sectors) {
    long bits = stripesOf(lba, sectors);
    lockMask(bits);
    return bits;
  }

  /** Locks the stripes of a mask, in ascending order. */
  public void lockMask(long bits) {
    for (long b = bits; b != 0; b &= b - 1) {
      int at = (Long.numberOfTrailingZeros(b) + 1) * LINE;
      if (!STATE.compareAndSet(states, at, 0L, 1L)) {
        acquireSlowly(at);
      }
    }
  }

  /** Waits for a held stripe: a short spin, then yielding to the holder between tries. */
  private void acquireSlowly(int at) {
    for (int spins = 0; ; spins++) {
      if ((long) STATE.getOpaque(states, at) == 0L && STATE.compareAndSet(states, at, 0L, 1L)) {
        return;
      }
      if (spins < SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  public void unlock(long bits) {
    for (long b = bits; b != 0; b &= b - 1) {
      STATE.setRelease(states, (Long.numberOfTrailingZeros(b) + 1) * LINE, 0L);
    }
  }

  /** Every stripe: no I/O is between its lock and its unlock while the caller holds them. */
  public long lockAll() {
    lockMask(all);
    return all;
  }

  public int stripes() {
    return stripeCount;
  }

  public long regionSectors() {
    return regionSectors;
  }
}
