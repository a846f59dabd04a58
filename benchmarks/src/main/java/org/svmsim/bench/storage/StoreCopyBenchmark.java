package org.svmsim.bench.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ByteStore;
import org.svmsim.kernel.storage.FileStore;
import org.svmsim.kernel.storage.OffHeapStore;

/**
 * A copier's 1 MiB chunk moved between two disks of real bytes, for each kind of byte store: by the stores'
 * bulk copy ({@link #copyChunk}, {@code BlockStore.copyTo}: what the mirror's pass does) and through a
 * slice ({@link #sliceChunk}: read, verified unless {@code verifyReads} is off, then written: what DBT and
 * the snapshot do); and the physical limit both are measured against, {@code System.arraycopy} of the same chunk ({@link #arraycopy}).
 * Both disks are 256 MiB, fully written, walked chunk by chunk; {@code bytes} is per second.
 *
 * <p>Run (after {@code mvn -q -DskipTests -pl benchmarks -am package}):
 * <pre>java -jar benchmarks/target/benchmarks.jar StoreCopyBenchmark -f 1 -wi 2 -i 3 -rf json</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class StoreCopyBenchmark {
  private static final long DISK_SECTORS = (256L << 20) / BlockStore.SECTOR;
  private static final int CHUNK_SECTORS = (1 << 20) / BlockStore.SECTOR;

  /** The kinds of byte store; a heap store always verifies what it reads. */
  public enum Kind { HEAP, OFFHEAP, FILE }

  @Param
  public Kind kind;

  @Param({"true", "false"})
  public boolean verifyReads;

  private Path dir;
  private BlockStore source;
  private BlockStore destination;
  private byte[] plainSource;
  private byte[] plainDestination;
  private long at;

  /** Bytes moved. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Moved {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void create() throws IOException {
    dir = Files.createTempDirectory("svmsim-copy-bench");
    source = store("source", 5);
    destination = store("destination", 0);
    for (long s = 0; s < DISK_SECTORS; s += 8) {
      source.write(s, 8, 1 + s / 8);
    }
    plainSource = new byte[CHUNK_SECTORS * BlockStore.SECTOR * 16];
    plainDestination = new byte[plainSource.length];
  }

  private BlockStore store(String name, long initial) {
    return switch (kind) {
      case HEAP -> new ByteStore(DISK_SECTORS, initial);
      case OFFHEAP -> new OffHeapStore(DISK_SECTORS, initial, OffHeapStore.DEFAULT_SEGMENT_SECTORS, verifyReads);
      case FILE -> FileStore.create(dir.resolve(name + ".img"), DISK_SECTORS, initial, false, FileStore.Sync.NEVER,
          verifyReads);
    };
  }

  /** Checks the copy and removes the files: a benchmark whose data is wrong reports nothing. */
  @TearDown(Level.Trial)
  public void check() throws IOException {
    for (long s = 0; s < DISK_SECTORS; s += CHUNK_SECTORS) {
      destination.write(source.read(s, CHUNK_SECTORS));
    }
    long diff = destination.firstDifference(source);
    for (BlockStore b : new BlockStore[] {source, destination}) {
      if (b instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IOException(e);
        }
      }
    }
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
    if (diff >= 0) {
      throw new IllegalStateException("the copy differs from its source at sector " + diff);
    }
  }

  /** One chunk copied from the source disk to the destination by the stores' bulk copy. */
  @Benchmark
  public long copyChunk(Moved moved) {
    source.copyTo(at, CHUNK_SECTORS, destination);
    at = (at + CHUNK_SECTORS) % DISK_SECTORS;
    moved.bytes += CHUNK_SECTORS * BlockStore.SECTOR;
    return at;
  }

  /** One chunk through a slice: a snapshot of the source's chunk, then written to the destination. */
  @Benchmark
  public long sliceChunk(Moved moved) {
    destination.write(source.read(at, CHUNK_SECTORS));
    at = (at + CHUNK_SECTORS) % DISK_SECTORS;
    moved.bytes += CHUNK_SECTORS * BlockStore.SECTOR;
    return at;
  }

  /** The baseline: the same chunk size, by {@code System.arraycopy} between two arrays. */
  @Benchmark
  public int arraycopy(Moved moved) {
    int chunk = CHUNK_SECTORS * BlockStore.SECTOR;
    int off = (int) ((at += chunk) % plainSource.length);
    System.arraycopy(plainSource, off, plainDestination, off, chunk);
    moved.bytes += chunk;
    return off;
  }
}
