package org.svmsim.kernel.copy.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.svmsim.kernel.copy.RegionLocks;
import org.svmsim.kernel.storage.BlockStore;

/**
 * A base disk under a chain of redo logs, as the VM sees it: a read resolves each grain from the newest
 * child that holds it, else the base; a write goes to the newest child. A write that covers only part of
 * a grain the child does not hold yet first copies the grain's other sectors from the chain below, as a
 * sparse redo log allocates whole grains (copy-on-write of the grain). With no child, writes go to the
 * base. The chain never decides when anything happens: {@link SnapshotCopy} drives it.
 *
 * <p>Threads: any number of guest readers and writers, and the copier, may call at once. Only the newest
 * child is written. A read or write holds the {@link RegionLocks} stripes of the whole grains it touches,
 * so a grain is allocated (its other sectors filled from below, then its slot published) by one writer
 * while no other I/O of that grain runs, and I/Os to different regions never wait for each other. The
 * chain's shape (a child added or dropped, the base replaced) changes only with every stripe held, so no
 * I/O ever sees half a change; the layers are an immutable list read once per I/O. Consolidation reads only
 * older, read-only children and writes only base grains those children shadow, which no guest I/O reaches:
 * no lock there.
 *
 * <p>Why a write to a grain already allocated still takes its stripe (one compare-and-set, {@link
 * RegionLocks}): the stripe is what keeps it out of a change of shape. A writer that read the layers
 * just before {@link #addChild} would otherwise write into a child that has become read-only and that
 * consolidation may already have copied past: the write would be lost on the destination, and no later
 * round looks at that child again. Unlike dirty-block tracking, nothing here copies a grain twice to
 * repair a race. Two writers of one unallocated grain (disjoint sectors) need it too: each would fill the
 * other's sectors from below.
 */
public final class DiskChain {
  private volatile BlockStore base;
  private volatile List<RedoLog> children = List.of();
  private final RegionLocks locks;
  private final long grainSectors;
  private final LongFunction<BlockStore> childStores;
  private int nextNumber = 1;

  /** A chain over {@code base}; each child's content comes from {@code childStores} (given the capacity). */
  public DiskChain(BlockStore base, long grainSectors, LongFunction<BlockStore> childStores) {
    if (grainSectors <= 0) {
      throw new IllegalArgumentException("grain size must be positive, was " + grainSectors + " sectors");
    }
    this.base = base;
    this.grainSectors = grainSectors;
    this.childStores = childStores;
    this.locks = new RegionLocks(Math.max(grainSectors, RegionLocks.DEFAULT_REGION_SECTORS),
        RegionLocks.DEFAULT_STRIPES);
  }

  /** The same layers as {@code other}, over another base: the source chain kept beside the live one. */
  DiskChain(DiskChain other, BlockStore base, List<RedoLog> children) {
    this.base = base;
    this.grainSectors = other.grainSectors;
    this.childStores = other.childStores;
    this.children = List.copyOf(children);
    this.nextNumber = other.nextNumber;
    this.locks = new RegionLocks(other.locks.regionSectors(), other.locks.stripes());
  }

  /** Makes the newest layer read-only under a new, empty redo log, and returns it. */
  public RedoLog addChild() {
    RedoLog child = new RedoLog(nextNumber++, grainSectors, childStores.apply(base.capacitySectors()));
    long all = locks.lockAll();
    try {
      List<RedoLog> grown = new ArrayList<>(children);
      grown.add(child);
      children = List.copyOf(grown);
    } finally {
      locks.unlock(all);
    }
    return child;
  }

  /** The content of {@code [lba, lba + sectors)} as the VM sees it. */
  public BlockStore.Slice read(long lba, long sectors) {
    check(lba, sectors);
    long bits = lockGrains(lba, sectors);
    try {
      List<RedoLog> layers = children;
      return readBelow(layers, layers.size(), lba, sectors);
    } finally {
      locks.unlock(bits);
    }
  }

  public long tagAt(long lba) {
    check(lba, 1);
    long bits = lockGrains(lba, 1);
    try {
      List<RedoLog> layers = children;
      return owner(layers, layers.size(), grainOf(lba)).tagAt(lba);
    } finally {
      locks.unlock(bits);
    }
  }

  /** Locks the stripes of the whole grains that {@code [lba, lba + sectors)} touches. */
  private long lockGrains(long lba, long sectors) {
    long from = grainOf(lba) * grainSectors;
    long to = Math.min(capacitySectors(), (grainOf(lba + sectors - 1) + 1) * grainSectors);
    return locks.lock(from, to - from);
  }

  /**
   * A guest write, to the newest child. Returns the grains it allocated (the redo log's indirection: a
   * grain-table update each, and a read of the rest of the grain from below when the write is partial).
   */
  public int write(long lba, long sectors, long tag) {
    check(lba, sectors);
    long bits = lockGrains(lba, sectors);
    try {
      return writeLocked(children, lba, sectors, tag);
    } finally {
      locks.unlock(bits);
    }
  }

  private int writeLocked(List<RedoLog> layers, long lba, long sectors, long tag) {
    if (layers.isEmpty()) {
      base.write(lba, sectors, tag);
      return 0;
    }
    RedoLog top = layers.get(layers.size() - 1);
    int allocated = 0;
    long end = lba + sectors;
    for (long g = grainOf(lba), last = grainOf(end - 1); g <= last; g++) {
      if (top.holds(g)) {
        continue;
      }
      long gStart = g * grainSectors;
      long gEnd = Math.min(capacitySectors(), gStart + grainSectors);
      if (gStart < lba) {
        top.content().write(readBelow(layers, layers.size() - 1, gStart, lba - gStart));
      }
      if (gEnd > end) {
        top.content().write(readBelow(layers, layers.size() - 1, end, gEnd - end));
      }
      top.grains().allocate(g);
      allocated++;
    }
    top.content().write(lba, sectors, tag);
    return allocated;
  }

  /** The content as seen from layer {@code layers} down (0: the base alone); for the copier and tests. */
  BlockStore.Slice readBelow(int layers, long lba, long sectors) {
    check(lba, sectors);
    return readBelow(children, layers, lba, sectors);
  }

  private BlockStore.Slice readBelow(List<RedoLog> chain, int layers, long lba, long sectors) {
    long[] runs = new long[12];
    int n = 0;
    long end = lba + sectors;
    for (long at = lba; at < end; ) {
      long g = grainOf(at);
      BlockStore from = owner(chain, layers, g);
      long next = g + 1;
      while (next * grainSectors < end && owner(chain, layers, next) == from) {
        next++;
      }
      long to = Math.min(end, next * grainSectors);
      long[] part = from.read(at, to - at).runs();
      for (int i = 0; i < part.length; i += 3) {
        if (n > 0 && runs[n - 1] == part[i + 2] && runs[n - 2] == part[i]) {
          runs[n - 2] = part[i + 1];
          continue;
        }
        if (n + 3 > runs.length) {
          runs = Arrays.copyOf(runs, runs.length * 2);
        }
        runs[n++] = part[i];
        runs[n++] = part[i + 1];
        runs[n++] = part[i + 2];
      }
      at = to;
    }
    return new BlockStore.Slice(lba, sectors, Arrays.copyOf(runs, n));
  }

  private BlockStore owner(List<RedoLog> chain, int layers, long grain) {
    for (int i = layers - 1; i >= 0; i--) {
      if (chain.get(i).holds(grain)) {
        return chain.get(i).content();
      }
    }
    return base;
  }

  /** Replaces the base with a copy of it (re-parenting the children onto the destination). */
  void reparent(BlockStore copy) {
    if (copy.capacitySectors() != base.capacitySectors()) {
      throw new IllegalArgumentException("a base of " + copy.capacitySectors() + " sectors under a chain of "
          + base.capacitySectors());
    }
    long all = locks.lockAll();
    try {
      base = copy;
    } finally {
      locks.unlock(all);
    }
  }

  /** Drops the oldest child, whose grains the base now holds (consolidated). */
  RedoLog dropOldest() {
    long all = locks.lockAll();
    try {
      List<RedoLog> layers = children;
      children = List.copyOf(layers.subList(1, layers.size()));
      return layers.get(0);
    } finally {
      locks.unlock(all);
    }
  }

  public BlockStore base() {
    return base;
  }

  /** The redo logs, oldest first. */
  public List<RedoLog> children() {
    return children;
  }

  public RedoLog newest() {
    List<RedoLog> layers = children;
    return layers.isEmpty() ? null : layers.get(layers.size() - 1);
  }

  /** The layers a read may search: the children and the base. */
  public int depth() {
    return children.size() + 1;
  }

  public long grainSectors() {
    return grainSectors;
  }

  public long capacitySectors() {
    return base.capacitySectors();
  }

  /** Where the VM's view of this chain first differs from {@code other}'s, or -1. */
  public long firstDifference(DiskChain other) {
    long step = Math.max(grainSectors, 1L << 16);
    for (long at = 0; at < capacitySectors(); at += step) {
      long len = Math.min(step, capacitySectors() - at);
      long[] mine = read(at, len).runs();
      long[] theirs = other.read(at, len).runs();
      int i = Arrays.mismatch(mine, theirs);
      if (i >= 0) { // canonical runs: the first differing triple starts where both do
        int t = i - i % 3;
        return mine[t + 2] != theirs[t + 2] ? mine[t] : Math.min(mine[t + 1], theirs[t + 1]);
      }
    }
    return -1;
  }

  private long grainOf(long lba) {
    return lba / grainSectors;
  }

  private void check(long lba, long sectors) {
    if (lba < 0 || sectors <= 0 || sectors > capacitySectors() - lba) {
      throw new IndexOutOfBoundsException("sectors [" + lba + ", " + (lba + sectors) + ") outside a disk of "
          + capacitySectors() + " sectors");
    }
  }
}
