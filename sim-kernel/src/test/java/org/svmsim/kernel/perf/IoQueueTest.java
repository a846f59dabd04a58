package org.svmsim.kernel.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.svmsim.kernel.sim.VirtualTime;

class IoQueueTest {
  private static final long MB = 1_000_000;
  private static final long LATENCY = VirtualTime.MILLISECOND;

  @Test
  void aSingleIoTakesItsTransferPlusTheLatency() {
    IoQueue q = new IoQueue(new DatastorePerformance(200 * MB, LATENCY, 32));
    long now = VirtualTime.seconds(10);
    // 1 MB at 200 MB/s is 5 ms.
    assertEquals(now + VirtualTime.millis(5) + LATENCY, q.submit(now, MB));
    // An idle queue later: the same again from the new arrival time.
    long later = VirtualTime.seconds(20);
    assertEquals(later + VirtualTime.transfer(4096, 200 * MB) + LATENCY, q.submit(later, 4096));
  }

  @Test
  void queueDepthLimitsHowManyIosAreInService() {
    IoQueue q = new IoQueue(new DatastorePerformance(200 * MB, LATENCY, 2));
    // Zero-byte I/Os cost only latency: two fit at once, the third waits for a slot.
    assertEquals(LATENCY, q.submit(0, 0));
    assertEquals(LATENCY, q.submit(0, 0));
    assertEquals(2 * LATENCY, q.submit(0, 0));
    assertEquals(2 * LATENCY, q.submit(0, 0));
    assertEquals(3 * LATENCY, q.submit(0, 0));
  }

  @Test
  void depthOneSerialisesEverything() {
    IoQueue q = new IoQueue(new DatastorePerformance(MB, LATENCY, 1));
    long one = VirtualTime.SECOND + LATENCY;
    assertEquals(one, q.submit(0, MB));
    assertEquals(2 * one, q.submit(0, MB));
    assertEquals(3 * one, q.submit(VirtualTime.millis(500), MB));
  }

  @Test
  void bandwidthIsSharedInArrivalOrder() {
    IoQueue q = new IoQueue(new DatastorePerformance(MB, 0, 8));
    assertEquals(VirtualTime.SECOND, q.submit(0, MB));
    assertEquals(2 * VirtualTime.SECOND, q.submit(0, MB));
    // Arrives while the pipe is busy: its transfer starts when the earlier ones are through.
    assertEquals(3 * VirtualTime.SECOND, q.submit(VirtualTime.millis(100), MB));
    // A small I/O arriving later still waits behind them.
    assertEquals(3 * VirtualTime.SECOND + VirtualTime.millis(1),
        q.submit(VirtualTime.millis(200), 1000));
  }

  @Test
  void latencyOverlapsTheNextTransfer() {
    // The pipe is free again as soon as a transfer ends; the latency is not bandwidth.
    IoQueue q = new IoQueue(new DatastorePerformance(MB, VirtualTime.SECOND, 8));
    assertEquals(2 * VirtualTime.SECOND, q.submit(0, MB));
    assertEquals(3 * VirtualTime.SECOND, q.submit(0, MB));
  }

  @Test
  void countsIosAndBytes() {
    IoQueue q = new IoQueue(new DatastorePerformance(MB, 0, 4));
    assertEquals(0, q.ios());
    assertEquals(0, q.bytes());
    q.submit(0, 512);
    q.submit(0, 4096);
    q.submit(10, 0);
    assertEquals(3, q.ios());
    assertEquals(4608, q.bytes());
    assertEquals(MB, q.performance().bytesPerSecond());
  }

  @Test
  void performanceIsValidated() {
    assertThrows(IllegalArgumentException.class, () -> new DatastorePerformance(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new DatastorePerformance(MB, -1, 1));
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> new DatastorePerformance(MB, 0, 0));
    assertTrue(ex.getMessage().contains("queue depth"), ex.getMessage());
  }
}
