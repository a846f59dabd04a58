package org.svmsim.kernel.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RegionLocksTest {
  @Test
  void anIoMapsToTheStripesOfTheRegionsItTouches() {
    RegionLocks locks = new RegionLocks(100, 4);
    assertEquals(0b0001, locks.stripesOf(0, 100));
    assertEquals(0b0011, locks.stripesOf(99, 2), "straddles regions 0 and 1");
    assertEquals(0b0001, locks.stripesOf(400, 1), "region 4 wraps to stripe 0");
    assertEquals(0b1111, locks.stripesOf(50, 1000), "more regions than stripes: all of them");
    assertEquals(0b0010, locks.stripesOf(100, 0), "an empty I/O still has a place");
    assertThrows(IllegalArgumentException.class, () -> new RegionLocks(100, 3));
    assertThrows(IllegalArgumentException.class, () -> new RegionLocks(0, 4));
  }

  /**
   * Threads bump plain counters, each under the stripe of its region, and sometimes under every stripe:
   * every increment survives only if no two holders of one stripe ever overlap.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void holdersOfOneStripeNeverOverlapAndLockAllExcludesEveryone() throws Exception {
    RegionLocks locks = new RegionLocks(8, 4);
    long[] counters = new long[4];
    int threads = 4;
    int rounds = 20_000;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      Thread thread = new Thread(() -> {
        try {
          for (int i = 0; i < rounds; i++) {
            if (i % 100 == me) {
              long all = locks.lockAll();
              for (int c = 0; c < counters.length; c++) {
                counters[c]++;
              }
              locks.unlock(all);
            } else {
              int region = (i * 7 + me) % 4;
              long bits = locks.lock(region * 8L, 8);
              long seen = counters[region];
              Thread.onSpinWait();
              counters[region] = seen + 1;
              locks.unlock(bits);
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "locker-" + t);
      started.add(thread);
      thread.start();
    }
    for (Thread thread : started) {
      thread.join(TimeUnit.SECONDS.toMillis(50));
    }
    assertEquals(null, failure.get());
    long sum = 0;
    for (long c : counters) {
      sum += c;
    }
    long lockAlls = threads * (rounds / 100);
    assertEquals((long) threads * rounds - lockAlls + lockAlls * counters.length, sum, "an increment was lost");
  }
}
