package org.svmsim.kernel.storage;

import java.util.Arrays;

/**
 * The content of a disk as runs of sectors that share one content tag: a 2 TiB disk that the guest wrote
 * in a thousand places costs a few thousand entries, not a Java object per block. The runs cover
 * {@code [0, capacity)} without gaps; adjacent runs with equal tags are merged.
 *
 * <p>Kept as a two-level sorted array, a B+-tree of height two: leaves of up to {@value #LEAF} runs, each
 * one {@code long[]} of (start, tag) pairs (a run ends where the next begins), under an index of the
 * leaves' first starts. No object per run: 16 bytes a run, about 17 with the arrays' slack (an array grows
 * by an eighth: {@link #roomFor}), where a {@code TreeMap<Long, Run>} cost about 100.
 * An insert moves at most one leaf's entries, so a map of millions of runs stays fast.
 *
 * <p>Thread-safety (issue 9, not implemented yet): a map belongs to one disk, written by the guest and read
 * by the copier; a read-write lock per map, or per leaf with the index under its own lock, would do, since
 * runs are located by the leaf index first.
 */
public final class ExtentMap {
  /** Runs per leaf: 512 pairs, an 8 KiB array, moved in a few hundred nanoseconds. */
  static final int LEAF = 512;
  private static final int FIRST_LEAF = 4;

  private final long capacity;
  private final int leafRuns;
  private long[][] leaves = new long[4][];
  private int[] sizes = new int[4];
  private long[] firsts = new long[4];
  private int leafCount;
  private int runCount;

  /** A map of {@code capacity} sectors that all hold {@code tag}. */
  public ExtentMap(long capacity, long tag) {
    this(capacity, tag, LEAF);
  }

  /** Tests use tiny leaves so that small maps split, join and drop many of them. */
  ExtentMap(long capacity, long tag, int leafRuns) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    if (leafRuns < FIRST_LEAF || leafRuns % 2 != 0) {
      throw new IllegalArgumentException("leaves hold an even number of at least 4 runs, not " + leafRuns);
    }
    this.capacity = capacity;
    this.leafRuns = leafRuns;
    insertLeaf(0, new long[2 * FIRST_LEAF]);
    insertAt(0, 0, 0L, tag);
  }

  public long capacity() {
    return capacity;
  }

  public int runCount() {
    return runCount;
  }

  public long tagAt(long sector) {
    check(sector, sector + 1);
    int leaf = leafOf(sector);
    return leaves[leaf][2 * floorIn(leaf, sector) + 1];
  }

  /** Sets sectors {@code [start, end)} to {@code tag}. */
  public void put(long start, long end, long tag) {
    check(start, end);
    if (start == end || putInOneLeaf(start, end, tag)) {
      return;
    }
    // Keys below start stay; keys in [start, end] go; start and end are put back unless they merge.
    boolean mergesBefore = start > 0 && tagAt(start - 1) == tag;
    long after = end < capacity ? tagAt(end) : tag;
    removeKeys(start, end);
    if (!mergesBefore) {
      insert(start, tag);
    }
    if (after != tag) {
      insert(end, after);
    }
  }

  /**
   * {@link #put} when the keys {@code [start, end]} touches all lie in one leaf with room for the result,
   * as nearly every guest write's do: one search per end and one move of the leaf's tail, where the general
   * path searches six times and moves twice. Returns false, having changed nothing, otherwise.
   */
  private boolean putInOneLeaf(long start, long end, long tag) {
    int a = leafOf(start);
    if (a + 1 < leafCount && end >= firsts[a + 1]) {
      return false;
    }
    long[] pairs = leaves[a];
    int n = sizes[a];
    int i = floorIn(a, start); // pairs[2i] <= start: a leaf's first key is at or before what leafOf finds in it
    boolean mergesBefore;
    if (pairs[2 * i] < start) {
      mergesBefore = pairs[2 * i + 1] == tag;
    } else if (i > 0) {
      mergesBefore = pairs[2 * i - 1] == tag;
    } else {
      mergesBefore = a > 0 && leaves[a - 1][2 * sizes[a - 1] - 1] == tag;
    }
    int j = floorIn(a, end);
    long after = end < capacity ? pairs[2 * j + 1] : tag;
    int lo = pairs[2 * i] < start ? i + 1 : i; // keys [lo, hi) lie in [start, end] and go
    int hi = j + 1;
    int added = (mergesBefore ? 0 : 1) + (after != tag ? 1 : 0);
    int size = n - (hi - lo) + added;
    if (size > leafRuns) {
      return false;
    }
    if (2 * size > pairs.length) {
      pairs = Arrays.copyOf(pairs, 2 * roomFor(size));
      leaves[a] = pairs;
    }
    System.arraycopy(pairs, 2 * hi, pairs, 2 * (lo + added), 2 * (n - hi));
    int at = 2 * lo;
    if (!mergesBefore) {
      pairs[at++] = start;
      pairs[at++] = tag;
    }
    if (after != tag) {
      pairs[at++] = end;
      pairs[at] = after;
    }
    sizes[a] = size;
    runCount += size - n;
    if (size > 0) {
      firsts[a] = pairs[0];
    }
    if (size < n) {
      if (pairs.length > 8 * Math.max(FIRST_LEAF, size)) { // memory follows a shrinking map
        leaves[a] = Arrays.copyOf(pairs, 4 * Math.max(FIRST_LEAF, size));
      }
      for (int leaf = Math.min(a + 1, leafCount - 1); leaf >= Math.max(0, a - 1); leaf--) {
        tidy(leaf);
      }
    }
    return true;
  }

  /**
   * Sets to {@code tag} the sectors of {@code [start, end)} whose tag is below it: where tags grow with
   * issue order, a newer write wins over an older one whatever order they land in. A range inside one run,
   * as most writes are, costs one search and at most one {@link #put}, without copying out the runs.
   */
  public void raise(long start, long end, long tag) {
    check(start, end);
    if (start == end) {
      return;
    }
    int leaf = leafOf(start);
    int i = floorIn(leaf, start);
    if (endOf(leaf, i) >= end) {
      if (leaves[leaf][2 * i + 1] < tag) {
        put(start, end, tag);
      }
      return;
    }
    long[] runs = slice(start, end);
    for (int r = 0; r < runs.length; r += 3) {
      if (runs[r + 2] < tag) {
        put(runs[r], runs[r + 1], tag);
      }
    }
  }

  /** The content of {@code [start, end)} as (start, end, tag) triples: a copy that later writes do not change. */
  public long[] slice(long start, long end) {
    check(start, end);
    if (start == end) {
      return new long[0];
    }
    long[] out = new long[24];
    int n = 0;
    int leaf = leafOf(start);
    int i = floorIn(leaf, start);
    while (leaf < leafCount) {
      long s = leaves[leaf][2 * i];
      if (s >= end) {
        break;
      }
      if (n + 3 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[n++] = Math.max(start, s);
      out[n++] = Math.min(end, endOf(leaf, i));
      out[n++] = leaves[leaf][2 * i + 1];
      if (++i == sizes[leaf]) {
        leaf++;
        i = 0;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Writes back triples produced by {@link #slice}. */
  public void apply(long[] triples) {
    for (int i = 0; i < triples.length; i += 3) {
      put(triples[i], triples[i + 1], triples[i + 2]);
    }
  }

  /** The first sector in {@code [start, end)} whose tag differs from {@code other}'s, or -1. */
  public long firstDifference(ExtentMap other, long start, long end) {
    check(start, end);
    long at = start;
    while (at < end) {
      int a = leafOf(at);
      int ai = floorIn(a, at);
      int b = other.leafOf(at);
      int bi = other.floorIn(b, at);
      if (leaves[a][2 * ai + 1] != other.leaves[b][2 * bi + 1]) {
        return at;
      }
      at = Math.min(endOf(a, ai), other.endOf(b, bi));
    }
    return -1;
  }

  /** Calls {@code visitor} for every run, in sector order. */
  public void forEachRun(RunVisitor visitor) {
    for (int leaf = 0; leaf < leafCount; leaf++) {
      for (int i = 0; i < sizes[leaf]; i++) {
        visitor.run(leaves[leaf][2 * i], endOf(leaf, i), leaves[leaf][2 * i + 1]);
      }
    }
  }

  /** Receives one run of sectors {@code [start, end)} holding {@code tag}. */
  @FunctionalInterface
  public interface RunVisitor {
    void run(long start, long end, long tag);
  }

  /** What the map costs the heap: its arrays with their headers, and the map object itself. */
  public long memoryBytes() {
    long bytes = 48 + arrayBytes(8, leaves.length) + arrayBytes(4, sizes.length) + arrayBytes(8, firsts.length);
    for (int leaf = 0; leaf < leafCount; leaf++) {
      bytes += arrayBytes(8, leaves[leaf].length);
    }
    return bytes;
  }

  private static long arrayBytes(int element, int length) {
    return (16L + (long) element * length + 7) & ~7L;
  }

  // ---- the two levels ----------------------------------------------------------------------------

  /** The leaf holding the run that contains {@code sector}: the last one starting at or before it. */
  private int leafOf(long sector) {
    int i = Arrays.binarySearch(firsts, 0, leafCount, sector);
    return i >= 0 ? i : Math.max(0, -i - 2);
  }

  /** Index of the last run of {@code leaf} starting at or before {@code sector} (0 when none does). */
  private int floorIn(int leaf, long sector) {
    long[] pairs = leaves[leaf];
    int lo = 0;
    int hi = sizes[leaf] - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pairs[2 * mid] <= sector) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private long endOf(int leaf, int i) {
    if (i + 1 < sizes[leaf]) {
      return leaves[leaf][2 * i + 2];
    }
    return leaf + 1 < leafCount ? firsts[leaf + 1] : capacity;
  }

  /** Index of the first run of {@code leaf} starting at or after {@code key}, or its size. */
  private int ceilIn(int leaf, long key) {
    long[] pairs = leaves[leaf];
    int lo = 0;
    int hi = sizes[leaf];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (pairs[2 * mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Removes every run starting in {@code [from, to]}. */
  private void removeKeys(long from, long to) {
    int a = leafOf(from);
    int ai = ceilIn(a, from);
    int b = leafOf(to);
    int bi = ceilIn(b, to == Long.MAX_VALUE ? to : to + 1);
    if (a == b) {
      removeIn(a, ai, bi);
    } else {
      removeIn(b, 0, bi);
      removeIn(a, ai, sizes[a]);
      for (int leaf = a + 1; leaf < b; leaf++) {
        runCount -= sizes[leaf];
      }
      removeLeaves(a + 1, b);
    }
    // Only leaves a and the one after it (b, now next to a) changed; a - 1 may now join a.
    for (int leaf = Math.min(a + 1, leafCount - 1); leaf >= Math.max(0, a - 1); leaf--) {
      tidy(leaf);
    }
  }

  private void removeIn(int leaf, int from, int to) {
    if (from >= to) {
      return;
    }
    long[] pairs = leaves[leaf];
    System.arraycopy(pairs, 2 * to, pairs, 2 * from, 2 * (sizes[leaf] - to));
    sizes[leaf] -= to - from;
    runCount -= to - from;
    if (sizes[leaf] > 0) {
      firsts[leaf] = pairs[0];
    }
    if (pairs.length > 8 * Math.max(FIRST_LEAF, sizes[leaf])) { // memory follows a shrinking map
      leaves[leaf] = Arrays.copyOf(pairs, 4 * Math.max(FIRST_LEAF, sizes[leaf]));
    }
  }

  /** Drops an empty leaf, and joins a small one with its successor when both fit one leaf. */
  private void tidy(int leaf) {
    if (leaf >= leafCount) {
      return;
    }
    if (sizes[leaf] == 0 && leafCount > 1) {
      removeLeaf(leaf);
    } else if (leaf + 1 < leafCount && sizes[leaf] + sizes[leaf + 1] <= leafRuns / 2) {
      int n = sizes[leaf];
      int m = sizes[leaf + 1];
      long[] joined = leaves[leaf].length >= 2 * (n + m) ? leaves[leaf] : Arrays.copyOf(leaves[leaf], 2 * (n + m));
      System.arraycopy(leaves[leaf + 1], 0, joined, 2 * n, 2 * m);
      leaves[leaf] = joined;
      sizes[leaf] = n + m;
      firsts[leaf] = joined[0];
      removeLeaf(leaf + 1);
    }
  }

  /** Inserts a run start that is not a key yet. */
  private void insert(long key, long tag) {
    int leaf = leafOf(key);
    if (sizes[leaf] == 0) {
      insertAt(leaf, 0, key, tag);
      return;
    }
    insertAt(leaf, ceilIn(leaf, key), key, tag);
  }

  private void insertAt(int leaf, int i, long key, long tag) {
    int n = sizes[leaf];
    if (n == leafRuns) { // split in halves, then insert into the half it belongs to
      int half = leafRuns / 2;
      long[] upper = new long[2 * roomFor(half + 1)];
      System.arraycopy(leaves[leaf], leafRuns, upper, 0, leafRuns);
      leaves[leaf] = Arrays.copyOf(leaves[leaf], 2 * roomFor(half + 1));
      sizes[leaf] = leafRuns / 2;
      insertLeaf(leaf + 1, upper);
      sizes[leaf + 1] = leafRuns / 2;
      firsts[leaf + 1] = upper[0];
      if (i > leafRuns / 2) {
        leaf++;
        i -= leafRuns / 2;
      }
      n = leafRuns / 2;
    }
    long[] pairs = leaves[leaf];
    if (2 * (n + 1) > pairs.length) {
      pairs = Arrays.copyOf(pairs, 2 * roomFor(n + 1));
      leaves[leaf] = pairs;
    }
    System.arraycopy(pairs, 2 * i, pairs, 2 * i + 2, 2 * (n - i));
    pairs[2 * i] = key;
    pairs[2 * i + 1] = tag;
    sizes[leaf] = n + 1;
    firsts[leaf] = pairs[0];
    runCount++;
  }

  /**
   * The runs a leaf's array holds when it must hold {@code runs}: an eighth more, so that a leaf is at least
   * 8/9 full and a run costs about 17 bytes (doubling left arrays half empty: 21-32 bytes), for a copy of the
   * leaf every {@code runs / 8} inserts, no more than the inserts' own moves.
   */
  private int roomFor(int runs) {
    return Math.min(leafRuns, runs + runs / 8 + 2);
  }

  private void insertLeaf(int at, long[] pairs) {
    if (leafCount == leaves.length) {
      int grown = leaves.length * 2;
      leaves = Arrays.copyOf(leaves, grown);
      sizes = Arrays.copyOf(sizes, grown);
      firsts = Arrays.copyOf(firsts, grown);
    }
    System.arraycopy(leaves, at, leaves, at + 1, leafCount - at);
    System.arraycopy(sizes, at, sizes, at + 1, leafCount - at);
    System.arraycopy(firsts, at, firsts, at + 1, leafCount - at);
    leaves[at] = pairs;
    sizes[at] = 0;
    leafCount++;
  }

  private void removeLeaf(int at) {
    removeLeaves(at, at + 1);
  }

  /** Drops leaves {@code [from, to)}. */
  private void removeLeaves(int from, int to) {
    if (from >= to) {
      return;
    }
    System.arraycopy(leaves, to, leaves, from, leafCount - to);
    System.arraycopy(sizes, to, sizes, from, leafCount - to);
    System.arraycopy(firsts, to, firsts, from, leafCount - to);
    Arrays.fill(leaves, leafCount - (to - from), leafCount, null);
    leafCount -= to - from;
    while (leaves.length > 16 && leafCount < leaves.length / 4) {
      int shrunk = leaves.length / 2;
      leaves = Arrays.copyOf(leaves, shrunk);
      sizes = Arrays.copyOf(sizes, shrunk);
      firsts = Arrays.copyOf(firsts, shrunk);
    }
  }

  private void check(long start, long end) {
    if (start < 0 || end > capacity || start > end) {
      throw new IndexOutOfBoundsException(
          "sectors [" + start + ", " + end + ") outside a disk of " + capacity + " sectors");
    }
  }
}
