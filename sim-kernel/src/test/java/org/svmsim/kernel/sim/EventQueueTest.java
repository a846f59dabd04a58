package org.svmsim.kernel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The 4-ary heap against {@link PriorityQueue} as the model: the same (time, sequence) order, always. */
class EventQueueTest {
  private record Model(long time, long seq, int kind, Object item) {}

  @Test
  void pollsInTimeThenSequenceOrderLikeAPriorityQueue() {
    for (long seed = 1; seed <= 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      EventQueue queue = new EventQueue();
      PriorityQueue<Model> model = new PriorityQueue<>(
          Comparator.comparingLong(Model::time).thenComparingLong(Model::seq));
      long sequence = 0;
      long now = 0;
      int steps = 1 + random.nextInt(3000);
      // Few distinct times, so that ties (broken by sequence) are common.
      int spread = 1 + random.nextInt(50);
      for (int step = 0; step < steps; step++) {
        if (model.isEmpty() || random.nextInt(100) < 55) {
          long time = now + random.nextInt(spread);
          int kind = random.nextInt(3);
          Object item = "e" + sequence;
          queue.add(time, sequence, kind, item);
          model.add(new Model(time, sequence, kind, item));
          sequence++;
        } else {
          Model expected = model.poll();
          assertEquals(expected.time(), queue.peekTime(), "seed " + seed);
          Object item = queue.poll();
          assertEquals(expected.item(), item, "seed " + seed + " step " + step);
          assertEquals(expected.time(), queue.polledTime(), "seed " + seed);
          assertEquals(expected.kind(), queue.polledKind(), "seed " + seed);
          now = expected.time();
        }
        assertEquals(model.size(), queue.size(), "seed " + seed);
      }
      queue.clear();
      assertTrue(queue.isEmpty());
    }
  }
}
