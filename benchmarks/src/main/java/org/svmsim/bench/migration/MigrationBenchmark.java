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
import org.openjdk.jmh.annotations.Warmup;
import org.svmsim.bench.Locality;
import org.svmsim.bench.Store;

/**
 * Each method moves a whole disk while guest writer threads write: the score is the migration's wall time
 * (one migration per iteration); the aux counters give what it cost and what the guest saw. The data is
 * checked after every migration (destination equals source byte for byte, every block holds its last
 * write): a mismatch throws and fails the benchmark. The baseline is {@code copy.PlainCopyBenchmark} on
 * the same disk size: the physical limit of moving these bytes.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar migration -p diskMiB=256 -p rate=0,flat -rf json</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
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

  private Migration.Prepared prepared;

  /** Per-migration figures next to the wall time (one migration per iteration: totals are per migration). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Figures {
    public long copiedMiB;
    public long passes;
    public double downtimeMs;
    public long guestWrites;
    public double writeP50us;
    public double writeP99us;
    public double writeP999us;
    public double writeMaxUs;
    public long notConverged;

    @Setup(Level.Iteration)
    public void reset() {
      copiedMiB = passes = guestWrites = notConverged = 0;
      downtimeMs = writeP50us = writeP99us = writeP999us = writeMaxUs = 0;
    }
  }

  @Setup(Level.Iteration)
  public void prepare() {
    long sectors = ((long) diskMiB << 20) / org.svmsim.kernel.storage.BlockStore.SECTOR;
    boolean idle = rate.equals("idle");
    long perSecond = idle || rate.equals("flat") ? 0 : Long.parseLong(rate);
    prepared = new Migration(method, sectors, idle ? 0 : writers, perSecond, locality, writeKiB * 2, store,
        2048, 0x5EED).prepare();
  }

  @Benchmark
  public Migration.Result migrate(Figures figures) {
    Migration.Result r = prepared.run();
    figures.copiedMiB = r.outcome().bytesCopied() >> 20;
    figures.passes = r.outcome().passes();
    figures.downtimeMs = r.outcome().downtimeNanos() / 1e6;
    figures.notConverged = r.outcome().converged() ? 0 : 1;
    figures.guestWrites = r.guestWrites();
    Histogram h = r.latency();
    if (h.getTotalCount() > 0) {
      figures.writeP50us = h.getValueAtPercentile(50) / 1e3;
      figures.writeP99us = h.getValueAtPercentile(99) / 1e3;
      figures.writeP999us = h.getValueAtPercentile(99.9) / 1e3;
      figures.writeMaxUs = h.getMaxValue() / 1e3;
    }
    prepared = null;
    return r;
  }
}
