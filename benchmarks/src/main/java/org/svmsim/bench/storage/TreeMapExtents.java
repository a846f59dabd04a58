package org.svmsim.bench.storage;

import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: {@code ExtentMap} as it was before issue 9, runs of tags in a {@code TreeMap<Long, Run>}
 * (an entry, a boxed key and a record per run), kept here only so the benchmark reads as a ratio.
 */
final class TreeMapExtents implements Extents {
  private final long capacity;
  private final TreeMap<Long, Run> runs = new TreeMap<>();

  private record Run(long end, long tag) {}

  TreeMapExtents(long capacity, long tag) {
    this.capacity = capacity;
    runs.put(0L, new Run(capacity, tag));
  }

  @Override
  public int runCount() {
    return runs.size();
  }

  @Override
  public long tagAt(long sector) {
    return runs.floorEntry(sector).getValue().tag;
  }

  @Override
  public void put(long start, long end, long tag) {
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

  private void merge(long at) {
    Map.Entry<Long, Run> before = runs.lowerEntry(at);
    Run here = runs.get(at);
    if (before != null && here != null && before.getValue().tag == here.tag) {
      runs.remove(at);
      runs.put(before.getKey(), new Run(here.end, here.tag));
    }
  }
}
