package org.svmsim.kernel.copy.snapshot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Which grains of a disk a redo log holds, and in what order they were allocated: a grain directory of
 * grain tables of {@value #TABLE_GRAINS} ints, a table made only when one of its grains is written, as a
 * VMware sparse extent keeps it. A 2 TiB disk at 64 KiB grains has 32 M grains: an empty map costs its 64 KiB
 * directory, each table 16 KiB; no object per grain.
 *
 * <p>Threads: writers of different grains may allocate at once (a table is published by compare-and-set,
 * the count is atomic); the grain itself is the caller's to guard ({@link DiskChain}'s region locks), and
 * a grain's slot is read by a thread that holds the same lock, or by the copier once the log is read-only.
 */
public final class GrainMap {
  private static final VarHandle TABLES = MethodHandles.arrayElementVarHandle(int[][].class);
  private static final VarHandle ALLOCATED;

  static {
    try {
      ALLOCATED = MethodHandles.lookup().findVarHandle(GrainMap.class, "allocated", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final int TABLE_GRAINS = 4096;
  private static final int SHIFT = 12;

  private final long grains;
  private final int[][] tables; // slot + 1 per grain, 0 when not allocated
  private volatile int allocated;

  public GrainMap(long grains) {
    if (grains <= 0 || (grains + TABLE_GRAINS - 1) >>> SHIFT > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a grain map holds 1 to 2^42 grains, not " + grains);
    }
    this.grains = grains;
    this.tables = new int[(int) ((grains + TABLE_GRAINS - 1) >>> SHIFT)][];
  }

  public boolean allocated(long grain) {
    return slot(grain) >= 0;
  }

  /** The grain's place in the redo log, in allocation order, or -1 when the log does not hold it. */
  public int slot(long grain) {
    check(grain);
    int[] table = table((int) (grain >>> SHIFT));
    return table == null ? -1 : table[(int) (grain & (TABLE_GRAINS - 1))] - 1;
  }

  /** Allocates a grain at the end of the log; returns false when it was already there. */
  public boolean allocate(long grain) {
    check(grain);
    int t = (int) (grain >>> SHIFT);
    int[] table = table(t);
    if (table == null) {
      TABLES.compareAndSet(tables, t, (int[]) null, new int[TABLE_GRAINS]);
      table = table(t);
    }
    int i = (int) (grain & (TABLE_GRAINS - 1));
    if (table[i] != 0) {
      return false;
    }
    int slot = (int) ALLOCATED.getAndAdd(this, 1) + 1;
    if (slot >= Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("a redo log holds at most " + (Integer.MAX_VALUE - 2) + " grains");
    }
    table[i] = slot;
    return true;
  }

  private int[] table(int t) {
    return (int[]) TABLES.getAcquire(tables, t);
  }

  /** The first allocated grain at or after {@code from}, or -1. */
  public long nextAllocated(long from) {
    for (long g = Math.max(0, from); g < grains; ) {
      int[] table = table((int) (g >>> SHIFT));
      if (table == null) {
        g = ((g >>> SHIFT) + 1) << SHIFT;
        continue;
      }
      for (int i = (int) (g & (TABLE_GRAINS - 1)); i < TABLE_GRAINS && g < grains; i++, g++) {
        if (table[i] != 0) {
          return g;
        }
      }
    }
    return -1;
  }

  /** The first grain at or after {@code from} that is not allocated, or {@link #grains()}. */
  public long nextFree(long from) {
    return nextFree(from, grains);
  }

  /** The first grain in {@code [from, limit)} that is not allocated, or {@code limit}: a chunk's reach. */
  public long nextFree(long from, long limit) {
    long end = Math.min(limit, grains);
    for (long g = Math.max(0, from); g < end; ) {
      int[] table = table((int) (g >>> SHIFT));
      if (table == null) {
        return g;
      }
      for (int i = (int) (g & (TABLE_GRAINS - 1)); i < TABLE_GRAINS && g < end; i++, g++) {
        if (table[i] == 0) {
          return g;
        }
      }
    }
    return end;
  }

  /** Allocated grains. */
  public int count() {
    return allocated;
  }

  public long grains() {
    return grains;
  }

  /** What the map costs the heap: the directory and the tables made so far. */
  public long memoryBytes() {
    long bytes = 16L + 8L * tables.length;
    for (int[] table : tables) {
      bytes += table == null ? 0 : 16L + 4L * TABLE_GRAINS;
    }
    return bytes;
  }

  private void check(long grain) {
    if (grain < 0 || grain >= grains) {
      throw new IndexOutOfBoundsException("grain " + grain + " outside a map of " + grains);
    }
  }
}
