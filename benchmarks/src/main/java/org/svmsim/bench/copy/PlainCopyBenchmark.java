package org.svmsim.bench.copy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
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
import org.svmsim.bench.Store;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.storage.BlockStore;

/**
 * Copying one whole disk (ms per copy), 1 MiB at a time: the physical limit first, then svmsim's own
 * paths. {@link #arraycopy} (heap segments, as a memory store keeps them) is the baseline of every memory
 * copy; {@link #byteBufferPut} is the same between direct buffers; {@link #transferTo} copies a file into
 * another through the kernel (both in the page cache: a RAM-backed disk, like QEMU's measured one).
 * {@link #storeCopy} moves the disk between two svmsim {@code BlockStore}s chunk by chunk with
 * {@code BlockStore.copyTo}, with no migration machinery (the data mover's inner loop, one bulk copy per
 * chunk); {@link #sliceCopy} goes through a {@code Slice} per chunk (read, verified, then written: what
 * DBT and the snapshot do, since their source may change while a chunk is in flight); {@link #mirrorPass}
 * is the mirror's whole pass over an idle disk, the cost of the copy under mirroring.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar copy -p diskMiB=256 -f 1 -wi 2 -i 3 -rf json</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
// ParallelGC: under G1 a 1 MiB array is a humongous object taking two 1 MiB regions, so two 1 GiB disks
// of 1 MiB segments did not fit 3 GiB (the first --full run died of it).
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
public class PlainCopyBenchmark {
  private static final int CHUNK = 1 << 20;

  @Param("256")
  public int diskMiB;

  @Param("MEMORY")
  public Store store;

  /** Heap segments for arraycopy. */
  @State(Scope.Benchmark)
  public static class Heap {
    byte[][] source;
    byte[][] destination;

    @Setup(Level.Trial)
    public void setUp(PlainCopyBenchmark b) {
      source = new byte[b.diskMiB][CHUNK];
      destination = new byte[b.diskMiB][CHUNK];
      for (byte[] s : source) {
        java.util.Arrays.fill(s, (byte) 0x5e);
      }
    }
  }

  @State(Scope.Benchmark)
  public static class Direct {
    ByteBuffer source;
    ByteBuffer destination;

    @Setup(Level.Trial)
    public void setUp(PlainCopyBenchmark b) {
      source = ByteBuffer.allocateDirect(b.diskMiB << 20);
      destination = ByteBuffer.allocateDirect(b.diskMiB << 20);
      while (source.hasRemaining()) {
        source.put((byte) 0x5e);
      }
    }
  }

  @State(Scope.Benchmark)
  public static class Files2 {
    Path dir;
    FileChannel source;
    FileChannel destination;

    @Setup(Level.Trial)
    public void setUp(PlainCopyBenchmark b) throws IOException {
      dir = Files.createTempDirectory("svmsim-copy");
      source = FileChannel.open(dir.resolve("source.flat"), StandardOpenOption.CREATE_NEW,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      destination = FileChannel.open(dir.resolve("destination.flat"), StandardOpenOption.CREATE_NEW,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
      for (long at = 0; at < (long) b.diskMiB << 20; at += CHUNK) {
        chunk.clear();
        source.write(chunk, at);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      source.close();
      destination.close();
      Files.deleteIfExists(dir.resolve("source.flat"));
      Files.deleteIfExists(dir.resolve("destination.flat"));
      Files.deleteIfExists(dir);
    }
  }

  @State(Scope.Benchmark)
  public static class Stores {
    BlockStore source;
    BlockStore destination;

    @Setup(Level.Trial)
    public void setUp(PlainCopyBenchmark b) {
      long sectors = ((long) b.diskMiB << 20) / BlockStore.SECTOR;
      source = b.store.filled(sectors, 0x5EED);
      destination = b.store.create(sectors, 0);
    }

    /** Every copy must have moved the disk exactly. */
    @TearDown(Level.Trial)
    public void check() {
      long diff = source.firstDifference(destination);
      if (diff >= 0) {
        throw new IllegalStateException("the copy differs from the source at sector " + diff);
      }
    }
  }

  @Benchmark
  public byte[][] arraycopy(Heap h) {
    for (int i = 0; i < h.source.length; i++) {
      System.arraycopy(h.source[i], 0, h.destination[i], 0, CHUNK);
    }
    return h.destination;
  }

  @Benchmark
  public ByteBuffer byteBufferPut(Direct d) {
    ByteBuffer from = d.source.duplicate();
    ByteBuffer to = d.destination.duplicate();
    for (int at = 0; at < from.capacity(); at += CHUNK) {
      from.limit(at + CHUNK).position(at);
      to.position(at);
      to.put(from);
    }
    return to;
  }

  @Benchmark
  public long transferTo(Files2 f) throws IOException {
    long size = f.source.size();
    for (long at = 0; at < size; ) {
      at += f.source.transferTo(at, Math.min(CHUNK, size - at), f.destination.position(at));
    }
    return size;
  }

  @Benchmark
  public BlockStore storeCopy(Stores s) {
    long sectors = s.source.capacitySectors();
    for (long at = 0; at < sectors; at += CHUNK / BlockStore.SECTOR) {
      s.source.copyTo(at, Math.min(CHUNK / BlockStore.SECTOR, sectors - at), s.destination);
    }
    return s.destination;
  }

  @Benchmark
  public BlockStore sliceCopy(Stores s) {
    long sectors = s.source.capacitySectors();
    for (long at = 0; at < sectors; at += CHUNK / BlockStore.SECTOR) {
      s.destination.write(s.source.read(at, Math.min(CHUNK / BlockStore.SECTOR, sectors - at)));
    }
    return s.destination;
  }

  @Benchmark
  public MirrorPass mirrorPass(Stores s) {
    MirrorPass pass = new MirrorPass(s.source, s.destination);
    while (pass.beginChunk(CHUNK / BlockStore.SECTOR) > 0) {
      pass.finishChunk();
    }
    return pass;
  }
}
