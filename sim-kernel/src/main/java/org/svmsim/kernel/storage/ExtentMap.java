package org.svmsim.kernel.storage;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The content of a disk as runs of sectors that share one content tag: a 2 TiB disk that the guest wrote
 * in a thousand places costs a few thousand entries, not a Java object per block. The runs cover
 * {@code [0, capacity)} without gaps; adjacent runs with equal tags are merged.
 */
public final class ExtentMap {
  private final long capacity;
  private final TreeMap<Long, Run> runs = new TreeMap<>();

  private record Run(long end, long tag) {}

  /** A map of {@code capacity} sectors that all hold {@code tag}. */
  public ExtentMap(long capacity, long tag) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
    runs.put(0L, new Run(capacity, tag));
  }

  public long capacity() {
    return capacity;
  }

  public int runCount() {
    return runs.size();
  }

  public long tagAt(long sector) {
    check(sector, sector + 1);
    return runs.floorEntry(sector).getValue().tag;
  }

  /** Sets sectors {@code [start, end)} to {@code tag}. */
  public void put(long start, long end, long tag) {
    check(start, end);
    if (start == end) {
      return;
    }
    Map.Entry<Long, Run> first = runs.floorEntry(start);
    if (first.getKey() < start) {
      runs.put(first.getKey(), new Run(start, first.getValue().tag));
      runs.put(start, first.getValue());
    }
    Map.Entry<Long, Run> last = runs.floorEntry(end - 1);
    if (last.getValue().end > end) {
      runs.put(end, last.getValue());
      runs.put(last.getKey(), new Run(end, last.getValue().tag));
    }
    runs.subMap(start, true, end, false).clear();
    runs.put(start, new Run(end, tag));
    merge(start);
    if (end < capacity) {
      merge(end);
    }
  }

  /** Joins the run starting at {@code at} with the run before it when their tags are equal. */
  private void merge(long at) {
    Map.Entry<Long, Run> before = runs.lowerEntry(at);
    Run here = runs.get(at);
    if (before != null && here != null && before.getValue().tag == here.tag) {
      runs.remove(at);
      runs.put(before.getKey(), new Run(here.end, here.tag));
    }
  }

  /** The content of {@code [start, end)} as (start, end, tag) triples: a copy that later writes do not change. */
  public long[] slice(long start, long end) {
    check(start, end);
    if (start == end) {
      return new long[0];
    }
    NavigableMap<Long, Run> view = runs.subMap(runs.floorKey(start), true, end, false);
    long[] out = new long[view.size() * 3];
    int i = 0;
    for (Map.Entry<Long, Run> e : view.entrySet()) {
      out[i++] = Math.max(start, e.getKey());
      out[i++] = Math.min(end, e.getValue().end);
      out[i++] = e.getValue().tag;
    }
    return out;
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
      Map.Entry<Long, Run> a = runs.floorEntry(at);
      Map.Entry<Long, Run> b = other.runs.floorEntry(at);
      if (a.getValue().tag != b.getValue().tag) {
        return at;
      }
      at = Math.min(a.getValue().end, b.getValue().end);
    }
    return -1;
  }

  /** Calls {@code visitor} for every run, in sector order. */
  public void forEachRun(RunVisitor visitor) {
    for (Map.Entry<Long, Run> e : runs.entrySet()) {
      visitor.run(e.getKey(), e.getValue().end, e.getValue().tag);
    }
  }

  /** Receives one run of sectors {@code [start, end)} holding {@code tag}. */
  @FunctionalInterface
  public interface RunVisitor {
    void run(long start, long end, long tag);
  }

  private void check(long start, long end) {
    if (start < 0 || end > capacity || start > end) {
      throw new IndexOutOfBoundsException(
          "sectors [" + start + ", " + end + ") outside a disk of " + capacity + " sectors");
    }
  }
}
