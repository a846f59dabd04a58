package org.svmsim.kernel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
  @Test
  void transferIsExactWhenItDivides() {
    assertEquals(VirtualTime.SECOND, VirtualTime.transfer(100, 100));
    assertEquals(VirtualTime.seconds(3), VirtualTime.transfer(300, 100));
    assertEquals(VirtualTime.millis(5), VirtualTime.transfer(1_000_000, 200_000_000));
    assertEquals(0, VirtualTime.transfer(0, 1));
  }

  @Test
  void transferRoundsUpToTheNextNanosecond() {
    // 1 byte at 3 B/s is 333333333.33 ns.
    assertEquals(333_333_334, VirtualTime.transfer(1, 3));
    assertEquals(1, VirtualTime.transfer(1, VirtualTime.MAX_BANDWIDTH));
    // 10 bytes at 3 B/s: 3 s and 1/3 s.
    assertEquals(3_333_333_334L, VirtualTime.transfer(10, 3));
  }

  @Test
  void transferHandlesLargeDisksAtTheHighestBandwidth() {
    long twoTiB = 2L << 40;
    // 2199023255552 / 8e9 = 274.877906944 s exactly.
    assertEquals(274_877_906_944L, VirtualTime.transfer(twoTiB, 8_000_000_000L));
    // 2 TiB at 1 MB/s: 2199023.255552 s, exact.
    assertEquals(2_199_023_255_552_000L, VirtualTime.transfer(twoTiB, 1_000_000));
    // 2 TiB + 1 byte at 7 GB/s: rounding up with a large remainder.
    long bytes = twoTiB + 1;
    long bw = 7_000_000_000L;
    long expected = java.math.BigInteger.valueOf(bytes).multiply(java.math.BigInteger.valueOf(VirtualTime.SECOND))
        .add(java.math.BigInteger.valueOf(bw - 1)).divide(java.math.BigInteger.valueOf(bw)).longValueExact();
    assertEquals(expected, VirtualTime.transfer(bytes, bw));
  }

  @Test
  void transferRejectsBadBandwidth() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> VirtualTime.transfer(1, 0));
    assertTrue(zero.getMessage().contains("0"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VirtualTime.transfer(1, -5));
    IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
        () -> VirtualTime.transfer(1, VirtualTime.MAX_BANDWIDTH + 1));
    assertTrue(high.getMessage().contains(Long.toString(VirtualTime.MAX_BANDWIDTH + 1)), high.getMessage());
  }

  @Test
  void transferFailsLoudlyWhenTheDurationDoesNotFitInALong() {
    assertThrows(RuntimeException.class, () -> VirtualTime.transfer(2L << 40, 100));
  }

  @Test
  void conversions() {
    assertEquals(1_500_000_000L, VirtualTime.millis(1500));
    assertEquals(120_000_000_000L, VirtualTime.seconds(120));
    assertEquals(VirtualTime.MINUTE * 27 + VirtualTime.seconds(51), VirtualTime.of(Duration.parse("PT27M51S")));
  }

  @Test
  void formatShowsHoursMinutesSecondsAndNanoseconds() {
    long t = VirtualTime.seconds(3600 + 2 * 60 + 3) + 4_005_006;
    assertEquals("+1h02m03.004005006s", VirtualTime.format(t));
    assertEquals("+0h00m00.000000000s", VirtualTime.format(0));
    assertEquals("+27h46m40.000000001s", VirtualTime.format(VirtualTime.seconds(100_000) + 1));
  }
}
