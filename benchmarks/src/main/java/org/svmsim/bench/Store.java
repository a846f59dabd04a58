package org.svmsim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ByteStore;
import org.svmsim.kernel.storage.FileStore;
import org.svmsim.kernel.storage.OffHeapStore;

/**
 * The disks a benchmark runs on: kinds of {@link BlockStore} that keep real bytes, each safe for I/Os to
 * disjoint sectors from several threads (the write paths order overlapping ones). Every disk made is
 * given back with {@link #release}, which frees its memory or deletes its file.
 */
public enum Store {
  /**
   * Heap memory, 1 MiB segments ({@link ByteStore}; at most 8 GiB). Its {@link #sparse} disks (the
   * snapshot's redo logs) are off-heap, in grains.
   */
  MEMORY {
    @Override
    public BlockStore create(long capacitySectors, long initialTag) {
      return new ByteStore(capacitySectors, initialTag);
    }

  },
  /** Direct (off-heap) memory, 1 MiB segments ({@link OffHeapStore}): needs -XX:MaxDirectMemorySize room. */
  OFFHEAP {
    @Override
    public BlockStore create(long capacitySectors, long initialTag) {
      return new OffHeapStore(capacitySectors, initialTag);
    }

  },
  /**
   * A flat file in {@code java.io.tmpdir} ({@link FileStore}: positional I/O through the page cache, no
   * fsync), deleted when released.
   */
  FILE {
    @Override
    public BlockStore create(long capacitySectors, long initialTag) {
      return FileStore.create(files().resolve("disk-" + FILE_NUMBER.incrementAndGet() + ".flat"), capacitySectors,
          initialTag);
    }

    /** A file is sparse by itself (holes). */
    @Override
    public BlockStore sparse(long capacitySectors, long initialTag, int grainSectors) {
      return create(capacitySectors, initialTag);
    }
  };

  private static final AtomicLong FILE_NUMBER = new AtomicLong();
  private static Path files;

  private static synchronized Path files() {
    if (files == null) {
      try {
        files = Files.createTempDirectory("svmsim-bench");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dir = files;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> dir.toFile().delete()));
    }
    return files;
  }

  public abstract BlockStore create(long capacitySectors, long initialTag);

  /**
   * A disk that holds memory only for what is written, {@code grainSectors} (a power of two) at a time: a
   * snapshot's redo log, whose grains are scattered over a store of the disk's size. In 1 MiB segments, a
   * child with a few thousand scattered 4 KiB writes held nearly the whole disk's size, and the chain keeps
   * every child of a migration: a 512 MiB snapshot at 10,000 writes per second ran out of a 4 GiB heap.
   *
   * <p>In memory, off the heap, a direct buffer a grain: a snapshot flat out keeps several disks' worth of
   * grains (every child stays in the source chain until the end), which on the heap the collector copied
   * and re-copied until a 512 MiB disk's run died of "GC overhead limit exceeded" at -Xmx6g; off the heap
   * it passes with -Xmx2g (and -XX:MaxDirectMemorySize room: 3.7 GB of memory in all at 512 MiB).
   */
  public BlockStore sparse(long capacitySectors, long initialTag, int grainSectors) {
    return new OffHeapStore(capacitySectors, initialTag, grainSectors, true);
  }

  /** A disk whose every sector holds real bytes of {@code tag}: no lazily empty segment flatters a copy. */
  public BlockStore filled(long capacitySectors, long tag) {
    BlockStore disk = create(capacitySectors, tag);
    for (long at = 0; at < capacitySectors; at += 2048) {
      disk.write(at, Math.min(2048, capacitySectors - at), tag);
    }
    return disk;
  }

  /** Gives a disk back: closes it (off-heap memory freed) and deletes its file. */
  public static void release(BlockStore disk) {
    try {
      if (disk instanceof FileStore f) {
        f.close();
        Files.deleteIfExists(f.path());
      } else if (disk instanceof AutoCloseable c) {
        c.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not release a benchmark disk: " + e, e);
    }
  }
}
