package org.svmsim.kernel.sim;

import java.util.Arrays;

/**
 * The loop's queue: a 4-ary min-heap ordered by (time, sequence), kept in primitive arrays. The keys of
 * entry {@code i} are {@code keys[2i]} (virtual time) and {@code keys[2i + 1]} (sequence, with the entry's
 * kind in its low {@link #KIND_BITS} bits); its payload is {@code items[i]}. Sifting compares keys only, and the four children of
 * a node are eight consecutive longs, one cache line: a heap of 100,000 entries is searched without
 * following a pointer per comparison, where a {@code PriorityQueue<Entry>} dereferences both entries of
 * every comparison.
 */
final class EventQueue {
  static final int EVENT = 0;
  static final int WAKEUP = 1;
  /** Withdrawable: a timer's event, or anything of a domain past the {@link #DOMAINS} first. */
  static final int HELD = 2;
  /**
   * From here on, a kind is a domain's event or wake-up ({@link #domainKind}): withdrawn all at once when
   * its domain powers off, with no object of its own.
   */
  static final int DOMAIN = 4;
  /** A kind takes the sequence's low bits, enough for this many domains. */
  static final int KIND_BITS = 11;
  static final int DOMAINS = ((1 << KIND_BITS) - DOMAIN) / 2;
  private static final long KIND_MASK = (1L << KIND_BITS) - 1;

  /** The kind of domain number {@code domain}'s events ({@code wakeup} false) or wake-ups. */
  static int domainKind(int domain, boolean wakeup) {
    return DOMAIN + 2 * domain + (wakeup ? 1 : 0);
  }

  /** The domain number of a {@link #domainKind}. */
  static int domainOf(int kind) {
    return (kind - DOMAIN) >> 1;
  }

  static boolean isWakeup(int domainKind) {
    return (domainKind & 1) == 1;
  }

  private long[] keys = new long[2 * 64];
  private Object[] items = new Object[64];
  private int size;

  // The entry taken by the last poll().
  private long polledTime;
  private int polledKind;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The time of the first entry; the queue must not be empty. */
  long peekTime() {
    return keys[0];
  }

  /** Adds an entry; {@code sequence} must grow with each call (it breaks ties in time). */
  void add(long time, long sequence, int kind, Object item) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      keys = Arrays.copyOf(keys, size * 4);
    }
    long seq = sequence << KIND_BITS | kind;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = keys[2 * parent];
      if (pt < time || pt == time && keys[2 * parent + 1] < seq) {
        break;
      }
      set(i, pt, keys[2 * parent + 1], items[parent]);
      i = parent;
    }
    set(i, time, seq, item);
  }

  private void set(int i, long time, long seq, Object item) {
    keys[2 * i] = time;
    keys[2 * i + 1] = seq;
    items[i] = item;
  }

  /** The payload of the {@code i}-th entry, in no particular order: for a scan of everything queued. */
  Object item(int i) {
    return items[i];
  }

  /** Removes the first entry and returns its payload; {@link #polledTime()} and {@link #polledKind()} tell the rest. */
  Object poll() {
    Object first = items[0];
    polledTime = keys[0];
    polledKind = (int) (keys[1] & KIND_MASK);
    int n = --size;
    long time = keys[2 * n];
    long seq = keys[2 * n + 1];
    Object item = items[n];
    items[n] = null;
    if (n > 0) {
      siftDown(time, seq, item, n);
    }
    return first;
  }

  private void siftDown(long time, long seq, Object item, int n) {
    int i = 0;
    while (true) {
      int child = 4 * i + 1;
      if (child >= n) {
        break;
      }
      // The least of up to four children.
      int best = child;
      long bt = keys[2 * child];
      long bs = keys[2 * child + 1];
      int last = Math.min(child + 4, n);
      for (int c = child + 1; c < last; c++) {
        long ct = keys[2 * c];
        if (ct < bt || ct == bt && keys[2 * c + 1] < bs) {
          best = c;
          bt = ct;
          bs = keys[2 * c + 1];
        }
      }
      if (time < bt || time == bt && seq < bs) {
        break;
      }
      set(i, bt, bs, items[best]);
      i = best;
    }
    set(i, time, seq, item);
  }

  long polledTime() {
    return polledTime;
  }

  int polledKind() {
    return polledKind;
  }

  void clear() {
    Arrays.fill(items, 0, size, null);
    size = 0;
  }
}
