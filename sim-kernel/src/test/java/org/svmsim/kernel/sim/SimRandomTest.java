package org.svmsim.kernel.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimRandomTest {
  private static long[] draw(SimRandom r, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextLong();
    }
    return out;
  }

  @Test
  void sameSeedGivesTheSameStream() {
    assertArrayEquals(draw(new SimRandom(7), 50), draw(new SimRandom(7), 50));
    assertFalse(Arrays.equals(draw(new SimRandom(7), 50), draw(new SimRandom(8), 50)));
  }

  @Test
  void splitIsAPureFunctionOfSeedAndName() {
    assertArrayEquals(draw(new SimRandom(7).split("vmx"), 50), draw(new SimRandom(7).split("vmx"), 50));
    assertEquals(new SimRandom(7).split("vmx").seed(), new SimRandom(7).split("vmx").seed());
    assertFalse(Arrays.equals(draw(new SimRandom(7).split("vmx"), 50),
        draw(new SimRandom(8).split("vmx"), 50)));
  }

  @Test
  void splitsWithDifferentNamesAreDifferentStreams() {
    SimRandom root = new SimRandom(7);
    long[] a = draw(root.split("kernel"), 50);
    long[] b = draw(root.split("vmx"), 50);
    long[] parent = draw(new SimRandom(7), 50);
    assertFalse(Arrays.equals(a, b));
    assertFalse(Arrays.equals(a, parent));
    assertFalse(Arrays.equals(b, parent));
  }

  @Test
  void drawsOnOneSplitOrOnTheParentDoNotShiftAnother() {
    SimRandom quiet = new SimRandom(99);
    long[] expected = draw(quiet.split("rescan"), 20);

    SimRandom busy = new SimRandom(99);
    SimRandom other = busy.split("workload");
    draw(other, 1000);
    draw(busy, 17);
    SimRandom rescan = busy.split("rescan");
    draw(busy.split("a-new-component"), 5);
    assertArrayEquals(expected, draw(rescan, 20));
  }

  @Test
  void nestedSplitsAreIndependentToo() {
    long[] expected = draw(new SimRandom(3).split("vmx").split("disk0"), 20);
    SimRandom vmx = new SimRandom(3).split("vmx");
    draw(vmx.split("disk1"), 100);
    draw(vmx, 100);
    assertArrayEquals(expected, draw(vmx.split("disk0"), 20));
    assertFalse(Arrays.equals(expected, draw(new SimRandom(3).split("disk0").split("vmx"), 20)));
  }

  @Test
  void exponentialHasRoughlyTheRequestedMeanAndIsPositive() {
    SimRandom r = new SimRandom(5);
    long mean = VirtualTime.MILLISECOND;
    int n = 100_000;
    double sum = 0;
    long min = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      long x = r.exponential(mean);
      sum += x;
      min = Math.min(min, x);
    }
    double avg = sum / n;
    assertTrue(Math.abs(avg - mean) < 0.02 * mean, "mean " + avg + " ns, expected about " + mean);
    assertTrue(min >= 1, "min " + min);
    assertEquals(1, new SimRandom(5).exponential(0), "at least 1 ns even for a zero mean");
  }

  @Test
  void boundedDrawsStayInRange() {
    SimRandom r = new SimRandom(11);
    boolean sawLow = false;
    boolean sawHigh = false;
    for (int i = 0; i < 10_000; i++) {
      long x = r.nextLong(10, 20);
      assertTrue(x >= 10 && x < 20, "nextLong(10, 20) gave " + x);
      sawLow |= x == 10;
      sawHigh |= x == 19;
      int y = r.nextInt(3);
      assertTrue(y >= 0 && y < 3);
      double d = r.nextDouble();
      assertTrue(d >= 0 && d < 1);
    }
    assertTrue(sawLow && sawHigh);
  }

  @Test
  void chanceMatchesItsProbability() {
    SimRandom r = new SimRandom(13);
    int hits = 0;
    for (int i = 0; i < 100_000; i++) {
      hits += r.chance(0.25) ? 1 : 0;
    }
    assertTrue(Math.abs(hits / 100_000.0 - 0.25) < 0.01, "hits " + hits);
    assertFalse(new SimRandom(1).chance(0.0));
    assertTrue(new SimRandom(1).chance(1.0));
    assertNotEquals(new SimRandom(1).split("a").seed(), new SimRandom(1).split("b").seed());
  }
}
