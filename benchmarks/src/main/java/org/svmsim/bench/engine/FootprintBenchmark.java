package org.svmsim.bench.engine;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.svmsim.kernel.storage.ExtentStore;
import org.svmsim.vmx.guest.WriteAudit;

/**
 * The memory a run's disk content costs per distinct written extent, in each of the three maps every
 * guest write reaches: the source disk, the destination disk (the mirror's second write) and the lost-write
 * oracle ({@link WriteAudit}). {@code writes} 4 KiB writes of distinct tags land at random places of a
 * 62 TiB disk (the worst case: every write splits a gap, two runs a write) through the same calls a run
 * makes, and the counters read each map's own size ({@code memoryBytes}) per write, and the heap the three
 * took together (after a GC, before and after) per write and map. Target (issue 9): at most 40 bytes a
 * distinct extent a map.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar engine.Footprint -rf json</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1) // aux counters add up over iterations: one, so they read per build
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class FootprintBenchmark {
  private static final long DISK_SECTORS = (62L << 40) / 512;
  private static final int WRITE_SECTORS = 8;

  @Param({"1000000"})
  public int writes;

  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Memory {
    public double sourceBytesPerExtent;
    public double destinationBytesPerExtent;
    public double auditBytesPerExtent;
    /** The heap the three maps took, measured by the JVM, per write and map. */
    public double heapBytesPerExtentPerMap;
    public double runsPerExtent;
  }

  /** The three maps after {@code writes} writes. */
  public record Maps(ExtentStore source, ExtentStore destination, WriteAudit audit) {}

  @Benchmark
  public Maps build(Memory memory) {
    long before = usedHeap();
    ExtentStore source = new ExtentStore(DISK_SECTORS, -1);
    ExtentStore destination = new ExtentStore(DISK_SECTORS, -1);
    WriteAudit audit = new WriteAudit(DISK_SECTORS, -1);
    SplittableRandom random = new SplittableRandom(0x5EED);
    for (int tag = 1; tag <= writes; tag++) {
      long lba = random.nextLong(DISK_SECTORS / WRITE_SECTORS) * WRITE_SECTORS;
      audit.issued(tag);
      source.write(lba, WRITE_SECTORS, tag);
      destination.write(source.read(lba, WRITE_SECTORS));
      audit.acknowledged(lba, WRITE_SECTORS, tag);
    }
    long after = usedHeap();
    memory.sourceBytesPerExtent = (double) source.extents().memoryBytes() / writes;
    memory.destinationBytesPerExtent = (double) destination.extents().memoryBytes() / writes;
    memory.auditBytesPerExtent = (double) audit.memoryBytes() / writes;
    memory.heapBytesPerExtentPerMap = (double) (after - before) / writes / 3;
    memory.runsPerExtent = (double) source.extents().runCount() / writes;
    return new Maps(source, destination, audit);
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
