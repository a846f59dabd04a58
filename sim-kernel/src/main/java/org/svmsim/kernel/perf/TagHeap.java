package org.svmsim.kernel.perf;

import java.util.Arrays;

/**
 * A binary min-heap of items keyed by (start tag, arrival number), the order of the datastore's fair
 * queuing: the keys are kept in a {@code long[]} beside the items, so a comparison reads two primitives and
 * follows no pointer, where a {@code PriorityQueue} with a chained comparator calls two key extractors per
 * comparison. Arrival numbers are unique, so the order is total: the items come out in the same order
 * whichever heap holds them. A few entries at a time (the I/Os waiting for one pipe, the streams
 * backlogged on one datastore).
 */
final class TagHeap<T> {
  private long[] keys = new long[2 * 16];
  private Object[] items = new Object[16];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void add(long tag, long seq, T item) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      keys = Arrays.copyOf(keys, size * 4);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = keys[2 * parent];
      if (pt < tag || pt == tag && keys[2 * parent + 1] < seq) {
        break;
      }
      set(i, pt, keys[2 * parent + 1], items[parent]);
      i = parent;
    }
    set(i, tag, seq, item);
  }

  /** Removes and returns the item with the least key; the heap must not be empty. */
  @SuppressWarnings("unchecked")
  T poll() {
    T first = (T) items[0];
    int n = --size;
    long tag = keys[2 * n];
    long seq = keys[2 * n + 1];
    Object last = items[n];
    items[n] = null;
    if (n > 0) {
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= n) {
          break;
        }
        long ct = keys[2 * child];
        long cs = keys[2 * child + 1];
        int right = child + 1;
        if (right < n) {
          long rt = keys[2 * right];
          if (rt < ct || rt == ct && keys[2 * right + 1] < cs) {
            child = right;
            ct = rt;
            cs = keys[2 * right + 1];
          }
        }
        if (tag < ct || tag == ct && seq < cs) {
          break;
        }
        set(i, ct, cs, items[child]);
        i = child;
      }
      set(i, tag, seq, last);
    }
    return first;
  }

  private void set(int i, long tag, long seq, Object item) {
    keys[2 * i] = tag;
    keys[2 * i + 1] = seq;
    items[i] = item;
  }
}
