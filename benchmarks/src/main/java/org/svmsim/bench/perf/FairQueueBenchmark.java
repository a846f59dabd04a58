package org.svmsim.bench.perf;

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
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.copy.mover.RangeCopy;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.perf.DatastoreService;
import org.svmsim.kernel.perf.IoCompletion;
import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.perf.IoStream;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * The fair I/O model's own cost: one 1 GiB copy through a data mover between two datastore services,
 * each I/O a loop wake-up, with a closed-loop guest stream (4 KiB, 4 outstanding) sharing the source.
 * The aux counters say how many datastore I/Os and loop wake-ups a second of host time simulates: the
 * figure behind "a 2 TiB copy stays fast" (2 TiB through fs3dm is 4 M I/Os).
 *
 * <p>Run (after {@code mvn -q -DskipTests -pl benchmarks -am package}):
 * <pre>java -jar benchmarks/target/benchmarks.jar FairQueue -f 1 -wi 2 -i 3 -rf json</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class FairQueueBenchmark {
  private static final DatastorePerformance PERF =
      new DatastorePerformance(1_000_000_000L, 500 * VirtualTime.MICROSECOND, 64);
  private static final long BYTES = 1L << 30;

  @Param({"FS3DM", "FSDM"})
  public DataMover mover;

  /** Per-second figures, summed over the invocations of an iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long ios;
    public long wakeUps;

    @Setup(Level.Iteration)
    public void clear() {
      ios = 0;
      wakeUps = 0;
    }
  }

  @Benchmark
  public long copyWithAGuestBeside(Counters counters) {
    EventLoop loop = new EventLoop(1);
    DatastoreService source = new DatastoreService(loop, "src", PERF);
    DatastoreService destination = new DatastoreService(loop, "dst", PERF);
    boolean[] copied = {false};
    RangeCopy.start(loop, mover, source.openStream("copy"), destination.openStream("copy"), BYTES,
        (token, at, status) -> copied[0] = true, 0);
    IoStream guest = source.openStream("guest");
    IoCompletion again = new IoCompletion() {
      @Override
      public void ioCompleted(long token, long arrivedAt, IoStatus status) {
        if (!copied[0]) {
          guest.write(4096, this, 0);
        }
      }
    };
    for (int i = 0; i < 4; i++) {
      guest.write(4096, again, 0);
    }
    loop.run();
    counters.ios += source.completedIos() + destination.completedIos();
    counters.wakeUps += loop.woken();
    return loop.now();
  }
}
