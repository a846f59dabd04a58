package org.svmsim.bench.mirror;

import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.copy.mirror.MirrorPass.Applied;
import org.svmsim.kernel.copy.mirror.MirrorPass.GuestWrite;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentStore;
import org.svmsim.kernel.storage.SectorContent;

/**
 * The mirror driver's write path on the simulator's own code: guest writes routed and applied by
 * {@link MirrorPass} over two {@link ExtentStore}s while the copier moves one chunk every
 * {@code writesPerChunk} writes; {@link #directWrite} applies the same writes to one disk, so
 * {@code mirrorWrite / directWrite} is the cost of mirroring plus copying.
 *
 * <p>Run (after {@code mvn -q -DskipTests -pl benchmarks -am package}):
 * <pre>java -jar benchmarks/target/benchmarks.jar MirrorWritePath -f 1 -wi 2 -i 3 -rf json</pre>
 * Results land in {@code jmh-result.json}; the aux counters {@code writes}, {@code heldWrites} and
 * {@code copiedBytes} are per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MirrorWritePathBenchmark {
  /** A 1 GiB disk of 4 KiB guest writes: big enough to hold a realistic number of extents. */
  private static final long DISK_SECTORS = (1L << 30) / BlockStore.SECTOR;
  private static final int WRITE_SECTORS = 8;
  /** One cycle of addresses touches about as many blocks as the disk has, then repeats. */
  private static final int WORKLOAD = 1 << 18;
  private static final long SEED = 0x5EED;

  @Param
  public Locality locality;

  /** The copier's chunk, in sectors (2048 = 1 MiB). */
  @Param("2048")
  public int chunkSectors;

  /** Guest writes between two copier steps: how fast the guest writes compared with the copy. */
  @Param("16")
  public int writesPerChunk;

  private long[] lbas;
  private int next;
  private long tag;
  private int sinceStep;
  private ExtentStore source;
  private ExtentStore destination;
  private MirrorPass pass;
  private long inFlightSectors;
  private ExtentStore direct;

  /** Per-second counters next to the score: what each benchmark actually did. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long writes;
    public long heldWrites;
    public long copiedBytes;

    @Setup(Level.Iteration)
    public void reset() {
      writes = 0;
      heldWrites = 0;
      copiedBytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    lbas = locality.lbas(DISK_SECTORS, WRITE_SECTORS, WORKLOAD, SEED);
    source = new ExtentStore(DISK_SECTORS, SectorContent.ZERO);
    destination = new ExtentStore(DISK_SECTORS, SectorContent.ZERO);
    direct = new ExtentStore(DISK_SECTORS, SectorContent.ZERO);
    // One cycle of writes before measuring: the extent maps reach the size they keep from then on, so the
    // score does not drift as the maps fill.
    for (long lba : lbas) {
      tag++;
      source.write(lba, WRITE_SECTORS, tag);
      destination.write(lba, WRITE_SECTORS, tag);
      direct.write(lba, WRITE_SECTORS, tag);
    }
    pass = new MirrorPass(source, destination);
    inFlightSectors = pass.beginChunk(chunkSectors);
  }

  @Benchmark
  public Applied mirrorWrite(Counters counters) {
    long t = ++tag;
    Applied applied = pass.write(new GuestWrite(t, lbas[next++ & (WORKLOAD - 1)], WRITE_SECTORS, t));
    counters.writes++;
    if (applied == null) {
      counters.heldWrites++;
    }
    if (++sinceStep == writesPerChunk) {
      sinceStep = 0;
      stepCopier(counters);
    }
    return applied;
  }

  @Benchmark
  public BlockStore directWrite(Counters counters) {
    long t = ++tag;
    direct.write(lbas[next++ & (WORKLOAD - 1)], WRITE_SECTORS, t);
    counters.writes++;
    return direct;
  }

  /** Lands the chunk in flight (releasing its held writes) and reads the next one. */
  private List<Applied> stepCopier(Counters counters) {
    List<Applied> released = pass.finishChunk();
    counters.copiedBytes += inFlightSectors * BlockStore.SECTOR;
    if (pass.regions().complete()) {
      // The copy is done; start over on the same disks so the benchmark measures a pass in progress forever.
      pass = new MirrorPass(source, destination);
    }
    inFlightSectors = pass.beginChunk(chunkSectors);
    return released;
  }

  /** The benchmark is only worth its numbers if the mirror really kept the disks equal. */
  @TearDown(Level.Trial)
  public void checkDisksEqual() {
    if (pass.regions().inFlight()) {
      pass.finishChunk();
    }
    while (pass.beginChunk(Math.max(chunkSectors, 1 << 20)) > 0) {
      pass.finishChunk();
    }
    long diff = pass.firstDifference();
    if (diff >= 0) {
      throw new IllegalStateException("after the pass, source and destination differ at sector " + diff
          + " (locality " + locality + ")");
    }
  }
}
