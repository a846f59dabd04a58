package org.svmsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.sim.Event;

/** The hand-written lines are Jackson's bytes, whatever the values; names Jackson escapes go through it. */
class EventLinesTest {
  private final EventLines lines = new EventLines();
  private final EventJson jackson = new EventJson();

  private static final long[] EDGES = {0, 1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, -1, -10,
      Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 10,
      999_999_999_999_999_999L, 1_000_000_000_000_000_000L, 2_147_483_648L, 99_999_999, 100_000_000,
      9_999_999_999_999_999L, 10_000_000_000_000_000L, 10_000_000_000_000_001L, 1_000_000_000_000_000_001L};
  private static final List<String> NAMES = List.of("W1_2", "big-vm", "a b", "~", "quote\"d", "back\\slash",
      "tab\there", "n\u00e9e", "\u4e2d\u6587", "ctl\u0001x", "emoji\ud83d\ude00");

  private void same(long t, Event e) {
    lines.encode(t, e);
    String hand = new String(Arrays.copyOf(lines.bytes(), lines.length()), StandardCharsets.UTF_8);
    assertEquals(new String(jackson.writeBytes(t, e), StandardCharsets.UTF_8), hand);
  }

  @Test
  void theHotEventsAreWrittenAsJacksonWritesThemAtEveryEdgeValue() {
    for (long v : EDGES) {
      long t = Math.max(0, v);
      int i = (int) v;
      same(t, new VmxEvent.GuestIoIssued(new VmId("W1_2"), i, v, v > 0, v, v, v));
      for (IoRoute route : IoRoute.values()) {
        same(t, new KernelEvent.GuestIoCompleted(new VmId("big-vm"), i, v, v < 0, v, v, v, route, v > 0, v));
      }
      same(t, new KernelEvent.ChunkCopied(new CopyJobId(Math.max(1, i)), i, v, v));
    }
  }

  @Test
  void everyPowerOfTenAndItsNeighboursAreWrittenAsJacksonWritesThem() {
    for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p = p * 10 > p ? p * 10 : -1) {
      for (long v : new long[] {p - 1, p, p + 1, -p, p * 3 + 7}) {
        same(v, new KernelEvent.ChunkCopied(new CopyJobId(1), 1, v, v));
      }
    }
  }

  @Test
  void namesThatNeedEscapingGiveJacksonsBytesToo() {
    for (String name : NAMES) {
      same(5, new VmxEvent.GuestIoIssued(new VmId(name), 0, 1, true, 2, 8, 3));
      same(5, new KernelEvent.GuestIoCompleted(new VmId(name), 0, 1, true, 2, 8, 3, IoRoute.MIRRORED, true, 4));
    }
  }

  @Test
  void randomValuesAndOtherEventsMatchJackson() {
    SplittableRandom r = new SplittableRandom(9);
    for (int n = 0; n < 20_000; n++) {
      long t = r.nextLong(Long.MAX_VALUE);
      long v = r.nextLong() >> r.nextInt(64);
      same(t, new VmxEvent.GuestIoIssued(new VmId("vm" + n), r.nextInt(), v, r.nextBoolean(), r.nextLong(),
          v >>> 3, r.nextLong()));
      same(t, new KernelEvent.GuestIoCompleted(new VmId("vm"), r.nextInt(16), n, r.nextBoolean(), v,
          r.nextLong(1 << 20), -n, IoRoute.values()[r.nextInt(IoRoute.values().length)], r.nextBoolean(), v));
      same(t, new KernelEvent.ChunkCopied(new CopyJobId(1 + r.nextInt(1000)), r.nextInt(), v, r.nextLong()));
    }
    same(7, new KernelEvent.RescanDue());
  }
}
