package org.svmsim.bench.engine;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;

/**
 * Events per second (the {@code events} counter) of svmsim's {@link EventLoop} against a bare
 * {@link PriorityQueue} loop, the baseline, with the same number of pending events: each handled event
 * schedules one more at a random delay (the same delays for both), so the queue keeps its size. The loop's
 * extra work is its own: the (time, sequence) order, the dispatch by event type, the observer list.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar engine.EventLoop -f 1 -wi 2 -i 3 -rf json</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EventLoopBenchmark {
  private static final int DELAYS = 1 << 16;
  /** Virtual time per invocation: about 10,000 events at any pending count. */
  private static final long EVENTS_PER_INVOCATION = 10_000;

  @Param({"1000", "100000"})
  public int pending;

  private final long[] delays = new long[DELAYS];
  private long span;
  private EventLoop loop;
  private int nextDelay;
  private BareLoop bare;

  /** One event kind, as a run has dozens. */
  record Tick(int id) implements Event {}

  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counted {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    long mean = 1_000_000; // 1 ms
    for (int i = 0; i < DELAYS; i++) {
      delays[i] = 1 + random.nextLong(2 * mean);
    }
    span = EVENTS_PER_INVOCATION * mean / pending;
    loop = new EventLoop(42);
    loop.subscribe(Tick.class, t -> loop.schedule(delays[nextDelay++ & (DELAYS - 1)], t));
    loop.observe((time, e) -> { });
    bare = new BareLoop();
    for (int i = 0; i < pending; i++) {
      loop.schedule(delays[i & (DELAYS - 1)], new Tick(i));
      bare.add(delays[i & (DELAYS - 1)], i);
    }
  }

  @Benchmark
  public long eventLoop(Counted c) {
    long before = loop.dispatched();
    loop.run(loop.now() + span);
    long n = loop.dispatched() - before;
    c.events += n;
    return n;
  }

  @Benchmark
  public long priorityQueue(Counted c) {
    long n = bare.run(bare.now + span);
    c.events += n;
    return n;
  }

  /** The least a discrete-event loop does: a heap of (time, sequence) entries, each handled by one call. */
  private final class BareLoop {
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    long now;
    long sequence;

    private record Entry(long time, long seq, int id) implements Comparable<Entry> {
      @Override
      public int compareTo(Entry o) {
        int c = Long.compare(time, o.time);
        return c != 0 ? c : Long.compare(seq, o.seq);
      }
    }

    void add(long delay, int id) {
      queue.add(new Entry(now + delay, sequence++, id));
    }

    long run(long until) {
      long n = 0;
      while (!queue.isEmpty() && queue.peek().time <= until) {
        Entry e = queue.poll();
        now = e.time;
        n++;
        add(delays[nextDelay++ & (DELAYS - 1)], e.id);
      }
      now = until;
      return n;
    }
  }
}
