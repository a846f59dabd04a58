package org.svmsim.vmx.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdapterQueueTest {
  @Test
  void admitsUpToItsDepthThenHoldsIosUntilACompletionInArrivalOrder() {
    AdapterQueue<String> q = new AdapterQueue<>(2);
    assertTrue(q.admit("a", 0));
    assertTrue(q.admit("b", 0));
    assertFalse(q.admit("c", 10));
    assertFalse(q.admit("d", 20));
    assertNull(q.release(25), "no slot is free yet");
    q.completed();
    assertEquals("c", q.release(30));
    assertNull(q.release(30), "c took the freed slot");
    q.completed();
    assertEquals("d", q.release(50));
    assertEquals(2, q.inFlight());
    assertEquals(2, q.throttled());
    assertEquals(20 + 30, q.throttledNanos());
  }

  @Test
  void droppedIosAreNeverReleasedAndACompletionWithoutAnIoIsABug() {
    AdapterQueue<String> q = new AdapterQueue<>(1);
    assertTrue(q.admit("a", 0));
    assertFalse(q.admit("b", 0));
    q.dropWaiting();
    q.completed();
    assertNull(q.release(5));
    assertThrows(IllegalStateException.class, q::completed);
    assertThrows(IllegalArgumentException.class, () -> new AdapterQueue<String>(0));
  }
}
