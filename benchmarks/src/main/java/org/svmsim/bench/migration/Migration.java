package org.svmsim.bench.migration;

import org.HdrHistogram.Histogram;
import org.svmsim.bench.GuestWriters;
import org.svmsim.bench.Locality;
import org.svmsim.bench.Store;
import org.svmsim.kernel.storage.BlockStore;

/**
 * One whole migration of a disk while guest threads write: the body of {@link MigrationBenchmark}, and of
 * its test on a small disk. {@link #prepare} builds the disks (untimed), {@link #run} migrates and checks
 * the data: a difference between the disks or a lost write throws, which fails the benchmark.
 *
 * @param ratePerSecond guest writes per second, all threads together; 0 is flat out
 * @param writers guest writer threads; 0 leaves the disk idle
 */
public record Migration(Method method, long diskSectors, int writers, long ratePerSecond, Locality locality,
    int writeSectors, Store store, long chunkSectors, long seed) {
  /** The tag of the source's content before the guest writes. */
  static final long FILL = 0x5EED_F111L;

  /** What one migration did and how the guest fared; latencies in nanoseconds. */
  public record Result(long wallNanos, Method.Outcome outcome, long guestWrites, Histogram latency) {}

  /** The disks, ready to migrate: built outside the timed part. */
  public final class Prepared {
    final BlockStore source = store.filled(diskSectors, FILL);
    final BlockStore destination = store.create(diskSectors, 0);
    private final java.util.List<BlockStore> children = new java.util.ArrayList<>();

    /** Migrates and checks, then releases every disk made; call once. */
    public Result run() {
      try {
        return migrate();
      } finally {
        Store.release(source);
        Store.release(destination);
        children.forEach(Store::release);
      }
    }

    private Result migrate() {
      Method.Running running = method.start(source, destination, (capacity, tag) -> {
        BlockStore child = store.create(capacity, tag);
        synchronized (children) {
          children.add(child);
        }
        return child;
      });
      GuestWriters guest = new GuestWriters(writers, ratePerSecond, locality, diskSectors, writeSectors, seed,
          FILL, running.sink());
      guest.start();
      long start = System.nanoTime();
      Method.Outcome outcome;
      try {
        outcome = running.migrate(guest, chunkSectors);
      } finally {
        guest.close();
      }
      long wall = System.nanoTime() - start;
      running.check(guest);
      return new Result(wall, outcome, guest.writes(), guest.latencies());
    }
  }

  public Prepared prepare() {
    return new Prepared();
  }

  public Result run() {
    return prepare().run();
  }
}
