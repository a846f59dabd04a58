package org.svmsim.vpxa.log;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.sim.SimRandom;

/**
 * A daemon's worker threads as its log prints them, and which thread serves which operation: up to
 * ESXi 6.0 the 32-bit pthread ids in hex, which end in {@code B70} (real-lines vpxa: {@code 67BBB70},
 * {@code 7D3AB70}); from 6.5 the thread's world id in decimal (real-lines hostd: {@code 2101278}). An
 * operation keeps its thread; lines without an operation come from the first (the daemon's main thread).
 */
final class ThreadIds {
  private final SimRandom random;
  private final String[] ids;
  private final Map<String, String> byOperation = new LinkedHashMap<>();

  ThreadIds(SimRandom random, int count, boolean worldIds) {
    this(random, count, worldIds, "B70");
  }

  /** With the pthread ids' last three hex digits {@code suffix} ({@code B90} on ESX 4.x, DOMAIN.md 6). */
  ThreadIds(SimRandom random, int count, boolean worldIds, String suffix) {
    this.random = random;
    this.ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = worldIds
          ? Long.toString(random.nextLong(2_097_800L, 2_103_000L))
          : String.format("%04X", random.nextLong(0x1000L, 0x10000L)) + suffix;
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
