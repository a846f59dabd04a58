package org.svmsim.vpxa.log;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.sim.SimRandom;

/**
 * A daemon's worker threads as its log prints them ({@code 3A2C1B70}, the 32-bit thread ids of ESXi 6.x,
 * which end in 70 like the real ones), and which thread serves which operation. An operation keeps its
 * thread; lines without an operation come from the first (the daemon's main thread).
 */
final class ThreadIds {
  private final SimRandom random;
  private final String[] ids;
  private final Map<String, String> byOperation = new LinkedHashMap<>();

  ThreadIds(SimRandom random, int count) {
    this.random = random;
    this.ids = new String[count];
    for (int i = 0; i < count; i++) {
      long id = (random.nextLong(0x100L, 0x10000L) << 16) | ((long) random.nextInt(0x100) << 8) | 0x70;
      ids[i] = String.format("%08X", id);
    }
  }

  /** The thread of {@code operation}: drawn at its first line, in line order, so replays draw alike. */
  String of(String operation) {
    if (operation == null || operation.isEmpty()) {
      return ids[0];
    }
    return byOperation.computeIfAbsent(operation, k -> ids[random.nextInt(ids.length)]);
  }
}
