package org.svmsim.bench.storage;

import java.lang.management.ManagementFactory;
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

/**
 * Disk content as runs of tags: the memory each distinct extent costs, and guest writes and lookups per
 * second on a map holding {@code extents} of them, for svmsim's {@code ExtentMap} ({@code ARRAYS}) and the
 * {@code TreeMap} it replaced ({@code TREEMAP}, the baseline). {@code footprint} writes {@code extents}
 * 4 KiB extents of distinct tags at random places of a 64 TiB disk and measures the heap they take:
 * {@code footprint:bytesPerExtent}. {@code put} then rewrites those same places with new tags on such a
 * map, so it keeps its size; {@code tagAt} looks them up.
 *
 * <p>Run (after {@code mvn -q -DskipTests -pl benchmarks -am package}):
 * <pre>java -jar benchmarks/target/benchmarks.jar ExtentMapBenchmark -f 1 -wi 2 -i 3 -rf json</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ExtentMapBenchmark {
  private static final long DISK_SECTORS = (64L << 40) / 512;
  private static final int WRITE_SECTORS = 8;

  @Param
  public Extents.Kind kind;

  @Param({"100000", "1000000"})
  public int extents;

  private Extents map;
  private long[] places;
  private final SplittableRandom random = new SplittableRandom(0x5EED);
  private long tag = 1;

  @Setup(Level.Trial)
  public void build() {
    places = new long[extents];
    for (int i = 0; i < extents; i++) {
      places[i] = random.nextLong(DISK_SECTORS / WRITE_SECTORS) * WRITE_SECTORS;
    }
    map = filled(kind, places);
    tag = places.length + 1;
  }

  private static Extents filled(Extents.Kind kind, long[] places) {
    Extents map = kind.create(DISK_SECTORS);
    long tag = 1;
    for (long place : places) {
      map.put(place, place + WRITE_SECTORS, tag++);
    }
    return map;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The footprint: heap per run, measured around building the map (after a GC, before and after). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Memory {
    public long bytesPerExtent;
    public long runs;
  }

  /**
   * Builds the map once and measures its heap: the score is the build time, the counters the footprint.
   * Each write makes its own run and splits the gap it landed in: about twice as many runs as writes.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 1) // aux counters add up over iterations: one, so they read per map
  public Extents footprint(Memory memory) {
    long before = usedHeap();
    Extents built = filled(kind, places);
    long after = usedHeap();
    memory.runs = built.runCount();
    memory.bytesPerExtent = (after - before) / built.runCount();
    return built;
  }

  /** A guest write: a 4 KiB extent rewritten with new content. */
  @Benchmark
  public int put() {
    long place = places[random.nextInt(places.length)];
    map.put(place, place + WRITE_SECTORS, tag++);
    return map.runCount();
  }

  /** The copier or the audit reading a sector's tag. */
  @Benchmark
  public long tagAt() {
    return map.tagAt(places[random.nextInt(places.length)] + 3);
  }
}
