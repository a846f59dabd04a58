package org.svmsim.bench.writepath;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
import org.svmsim.kernel.copy.dbt.DbtCopy;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.storage.BlockStore;

/**
 * The cost of one guest write (4 KiB, real bytes) through each method's write path, against {@link #plain}:
 * the same write straight to one disk, the baseline. Only the write is measured: where the copy runs, it
 * runs in its own thread ({@code @Group}), never inside the measured method. Single-threaded benchmarks
 * read as ns per write; the {@code *2} groups run two writers on one disk (disjoint blocks; the mirror's
 * and the redo log's shared lock stripes, DBT's shared bitmap words).
 *
 * <ul>
 *   <li>{@code mirrorIdle}: the mirror half-way through its pass with no chunk in flight: a uniform guest
 *       sends half its writes to both disks, the mean over a whole pass; {@code mirrorCopied}: the pass is
 *       done, every write goes to both disks (two writes: about 2x by nature).
 *   <li>{@code mirrorCopying}: one guest writer while a copier thread moves 1 MiB chunk after chunk
 *       ({@code copy} is the copier's score, ns per chunk): the writer meets held writes and cursor moves.
 *   <li>{@code dbt}: a write marked in the change bitmap, no copy running; {@code redoLog}: a write into a
 *       snapshot's redo log whose grains are already allocated (steady state).
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar writepath -f 1 -wi 2 -i 3 -rf json</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class WritePathBenchmark {
  static final int WRITE_SECTORS = 8;
  static final int WORKLOAD = 1 << 16;
  static final long FILL = 0x5EED;

  /** The disk every state writes on. */
  @State(Scope.Benchmark)
  public static class Disk {
    @Param("256")
    public int diskMiB;

    @Param("MEMORY")
    public Store store;

    @Param("UNIFORM")
    public Locality locality;

    final AtomicInteger threads = new AtomicInteger();

    long sectors() {
      return ((long) diskMiB << 20) / BlockStore.SECTOR;
    }
  }

  /** One writer thread's addresses: block-aligned, disjoint from the other writers' (block mod 2). */
  @State(Scope.Thread)
  public static class Writer {
    long[] lbas;
    int next;
    long tag;

    @Setup(Level.Trial)
    public void setUp(Disk disk) {
      int me = disk.threads.getAndIncrement();
      long[] blocks = disk.locality.lbas(disk.sectors() / 2, WRITE_SECTORS, WORKLOAD, 17 + me);
      lbas = new long[WORKLOAD];
      for (int i = 0; i < WORKLOAD; i++) {
        lbas[i] = (blocks[i] / WRITE_SECTORS * 2 + (me & 1)) * WRITE_SECTORS;
      }
      tag = (long) (me + 1) << 40;
    }

    long lba() {
      return lbas[next++ & (WORKLOAD - 1)];
    }
  }

  @State(Scope.Benchmark)
  public static class Plain {
    BlockStore disk;

    @Setup(Level.Trial)
    public void setUp(Disk d) {
      disk = d.store.filled(d.sectors(), FILL);
    }
  }

  /** A mirror pass over two filled disks, its cursor at {@code progress} of the disk, no chunk in flight. */
  abstract static class Mirror {
    volatile MirrorPass pass;
    final Consumer<MirrorPass.Applied> ack = a -> { };

    void setUp(Disk d, double progress) {
      pass = new MirrorPass(d.store.filled(d.sectors(), FILL), d.store.filled(d.sectors(), FILL + 1));
      long upTo = (long) (d.sectors() * progress);
      while (pass.regions().copiedUpTo() < upTo && pass.beginChunk(Math.min(2048,
          upTo - pass.regions().copiedUpTo())) > 0) {
        pass.finishChunk();
      }
    }

    /** The benchmark is worth its numbers only if the mirror kept the disks equal: finish and compare. */
    @TearDown(Level.Trial)
    public void checkDisksEqual() {
      MirrorPass p = pass;
      if (p.regions().inFlight()) {
        p.finishChunk();
      }
      while (p.beginChunk(1 << 16) > 0) {
        p.finishChunk();
      }
      long diff = p.firstDifference();
      if (diff >= 0) {
        throw new IllegalStateException("after the pass the disks differ at sector " + diff);
      }
    }
  }

  @State(Scope.Benchmark)
  public static class MirrorIdle extends Mirror {
    @Setup(Level.Trial)
    public void setUp(Disk d) {
      setUp(d, 0.5);
    }
  }

  @State(Scope.Benchmark)
  public static class MirrorCopied extends Mirror {
    @Setup(Level.Trial)
    public void setUp(Disk d) {
      setUp(d, 1.0);
    }
  }

  /**
   * A pass the copier runs chunk after chunk. A finished pass starts over on the same disks, swapped in by
   * the writer between two of its writes (so no write ever goes through a pass the copier has left).
   */
  @State(Scope.Group)
  public static class MirrorCopying extends Mirror {
    volatile boolean restart;

    @Setup(Level.Trial)
    public void setUp(Disk d) {
      setUp(d, 0);
    }

    MirrorPass current() {
      if (restart) {
        MirrorPass done = pass;
        pass = new MirrorPass(done.source(), done.destination());
        restart = false;
      }
      return pass;
    }
  }

  @State(Scope.Benchmark)
  public static class Dbt {
    DbtCopy copy;

    @Setup(Level.Trial)
    public void setUp(Disk d) {
      copy = new DbtCopy(d.store.filled(d.sectors(), FILL), d.store.create(d.sectors(), 0), DbtPolicy.defaults());
    }
  }

  @State(Scope.Benchmark)
  public static class RedoLog {
    SnapshotCopy copy;

    /** One cycle of every writer's addresses first: the grains are allocated, what is left is the write. */
    @Setup(Level.Trial)
    public void setUp(Disk d) {
      copy = new SnapshotCopy(d.store.filled(d.sectors(), FILL), d.store.create(d.sectors(), 0),
          SnapshotPolicy.defaults(), c -> d.store.create(c, 0));
      for (int t = 0; t < 2; t++) {
        long[] blocks = d.locality.lbas(d.sectors() / 2, WRITE_SECTORS, WORKLOAD, 17 + t);
        for (long b : blocks) {
          copy.write((b / WRITE_SECTORS * 2 + t) * WRITE_SECTORS, WRITE_SECTORS, FILL + 2);
        }
      }
    }
  }

  @Benchmark
  public BlockStore plain(Plain p, Writer w) {
    p.disk.write(w.lba(), WRITE_SECTORS, ++w.tag);
    return p.disk;
  }

  @Benchmark
  public boolean mirrorIdle(MirrorIdle m, Writer w) {
    long t = ++w.tag;
    return m.pass.write(new MirrorPass.GuestWrite(t, w.lba(), WRITE_SECTORS, t), m.ack);
  }

  @Benchmark
  public boolean mirrorCopied(MirrorCopied m, Writer w) {
    long t = ++w.tag;
    return m.pass.write(new MirrorPass.GuestWrite(t, w.lba(), WRITE_SECTORS, t), m.ack);
  }

  @Benchmark
  public long dbt(Dbt d, Writer w) {
    return d.copy.write(w.lba(), WRITE_SECTORS, ++w.tag);
  }

  @Benchmark
  public int redoLog(RedoLog r, Writer w) {
    return r.copy.write(w.lba(), WRITE_SECTORS, ++w.tag);
  }

  @Benchmark
  @Group("mirrorCopying")
  @GroupThreads(1)
  public boolean write(MirrorCopying m, Writer w) {
    long t = ++w.tag;
    return m.current().write(new MirrorPass.GuestWrite(t, w.lba(), WRITE_SECTORS, t), m.ack);
  }

  /** The copier: one 1 MiB chunk; at the end of the pass it asks the writer for a new one and waits. */
  @Benchmark
  @Group("mirrorCopying")
  @GroupThreads(1)
  public long copy(MirrorCopying m) {
    if (m.restart) {
      Thread.onSpinWait();
      return 0;
    }
    MirrorPass p = m.pass;
    long len = p.beginChunk(2048);
    if (len == 0) {
      m.restart = true;
      return 0;
    }
    p.finishChunk();
    return len;
  }

  @Benchmark
  @Group("plain2")
  @GroupThreads(2)
  public BlockStore plain2(Plain p, Writer w) {
    return plain(p, w);
  }

  @Benchmark
  @Group("mirrorIdle2")
  @GroupThreads(2)
  public boolean mirrorIdle2(MirrorIdle m, Writer w) {
    return mirrorIdle(m, w);
  }

  @Benchmark
  @Group("dbt2")
  @GroupThreads(2)
  public long dbt2(Dbt d, Writer w) {
    return dbt(d, w);
  }

  @Benchmark
  @Group("redoLog2")
  @GroupThreads(2)
  public int redoLog2(RedoLog r, Writer w) {
    return redoLog(r, w);
  }
}
