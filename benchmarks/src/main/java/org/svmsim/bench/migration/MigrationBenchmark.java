package org.svmsim.bench.migration;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.svmsim.bench.Locality;
import org.svmsim.bench.Store;

/**
 * Each method moves a whole disk while guest writer threads write: the score is the migration's wall time
 * (one migration per iteration), from the copy's start to the end of the switchover; the aux counters give
 * what it cost and what the guest saw during it. Untimed, before it: the source filled, the destination
 * created, the guest started (the VM runs when the migration begins); untimed, after it: the data check
 * (destination equals source byte for byte, every block holds its last write), in the iteration's
 * teardown: a mismatch throws there and fails the benchmark. The baseline is {@code copy.PlainCopyBenchmark}
 * on the same disk size ({@code arraycopy} for memory, {@code transferTo} for a file): the physical limit of
 * moving these bytes.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar migration -p diskMiB=256 -p rate=0,flat -rf json</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
// A fixed heap (no full collection resizing it during a migration) for the source and the destination: 2 GiB
// ran the snapshot's 512 MiB migrations, whose redo logs are direct memory (3.7 GB of RSS in all).
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:MaxDirectMemorySize=12g", "-XX:+UseParallelGC"})
public class MigrationBenchmark {
  @Param({"MIRROR", "DBT", "SNAPSHOT"})
  public Method method;

  /** The disk, in MiB (256 MiB to several GiB; a memory store needs about twice that of heap). */
  @Param("256")
  public int diskMiB;

  /** Guest writes per second, all writers together: {@code idle} (no guest), a number, or {@code flat} out. */
  @Param({"idle", "2000", "flat"})
  public String rate;

  @Param("UNIFORM")
  public Locality locality;

  /** The guest's write size, in KiB. */
  @Param("4")
  public int writeKiB;

  @Param("MEMORY")
  public Store store;

  /** Guest writer threads when the guest writes. */
  @Param("2")
  public int writers;

  private Migration.Run run;

  /** Per-migration figures next to the wall time (one migration per iteration: totals are per migration). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Figures {
    public long copiedMiB;
    public long passes;
    public double downtimeMs;
    public long guestWrites;
    /** Guest writes per second of the migration: the rate the writers kept. */
    public double guestRate;
    /** Latency from each write's intended start (at a set rate; flat out, from its issue). */
    public double writeP50us;
    public double writeP99us;
    public double writeP999us;
    public double writeMaxUs;
    /** Service time: from each write's issue to its acknowledgement. */
    public double serviceP50us;
    public double serviceP99us;
    public double serviceP999us;
    public long notConverged;

    @Setup(Level.Iteration)
    public void reset() {
      copiedMiB = passes = guestWrites = notConverged = 0;
      downtimeMs = guestRate = writeP50us = writeP99us = writeP999us = writeMaxUs = 0;
      serviceP50us = serviceP99us = serviceP999us = 0;
    }
  }

  @Setup(Level.Iteration)
  public void prepare() {
    long sectors = ((long) diskMiB << 20) / org.svmsim.kernel.storage.BlockStore.SECTOR;
    boolean idle = rate.equals("idle");
    long perSecond = idle || rate.equals("flat") ? 0 : Long.parseLong(rate);
    run = new Migration(method, sectors, idle ? 0 : writers, perSecond, locality, writeKiB * 2, store, 2048,
        0x5EED).prepare();
  }

  @Benchmark
  public Migration.Result migrate(Figures figures) {
    Migration.Result r = run.migrate();
    figures.copiedMiB = r.outcome().bytesCopied() >> 20;
    figures.passes = r.outcome().passes();
    figures.downtimeMs = r.outcome().downtimeNanos() / 1e6;
    figures.notConverged = r.outcome().converged() ? 0 : 1;
    figures.guestWrites = r.guestWrites();
    figures.guestRate = r.writesPerSecond();
    Histogram h = r.latency();
    if (h.getTotalCount() > 0) {
      figures.writeP50us = h.getValueAtPercentile(50) / 1e3;
      figures.writeP99us = h.getValueAtPercentile(99) / 1e3;
      figures.writeP999us = h.getValueAtPercentile(99.9) / 1e3;
      figures.writeMaxUs = h.getMaxValue() / 1e3;
    }
    Histogram service = r.service();
    if (service.getTotalCount() > 0) {
      figures.serviceP50us = service.getValueAtPercentile(50) / 1e3;
      figures.serviceP99us = service.getValueAtPercentile(99) / 1e3;
      figures.serviceP999us = service.getValueAtPercentile(99.9) / 1e3;
    }
    return r;
  }

  /** Stops the guest and checks the data: a difference or a lost write throws, failing the benchmark. */
  @TearDown(Level.Iteration)
  public void check() {
    if (run != null) {
      Migration.Run done = run;
      run = null;
      done.finish();
    }
  }
}
