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
  /** Heap memory, 1 MiB segments ({@link ByteStore}; at most 8 GiB). */
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
