package org.svmsim.bench.storage;

import org.svmsim.kernel.storage.ExtentMap;

/** What the extent benchmark measures, on either representation. */
public interface Extents {
  int runCount();

  long tagAt(long sector);

  void put(long start, long end, long tag);

  /** The two representations, built empty over {@code capacity} sectors. */
  enum Kind {
    /** svmsim's {@link ExtentMap}: primitive leaves under a primitive index. */
    ARRAYS {
      @Override
      Extents create(long capacity) {
        ExtentMap map = new ExtentMap(capacity, 0);
        return new Extents() {
          @Override
          public int runCount() {
            return map.runCount();
          }

          @Override
          public long tagAt(long sector) {
            return map.tagAt(sector);
          }

          @Override
          public void put(long start, long end, long tag) {
            map.put(start, end, tag);
          }
        };
      }
    },
    /** The baseline {@link TreeMapExtents}. */
    TREEMAP {
      @Override
      Extents create(long capacity) {
        return new TreeMapExtents(capacity, 0);
      }
    };

    abstract Extents create(long capacity);
  }
}
