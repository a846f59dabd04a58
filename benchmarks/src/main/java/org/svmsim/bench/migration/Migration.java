package org.svmsim.bench.migration;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.svmsim.bench.GuestWriters;
import org.svmsim.bench.Locality;
import org.svmsim.bench.Store;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.storage.BlockStore;

/**
 * One whole migration of a disk while guest threads write: the body of {@link MigrationBenchmark}, and of
 * its test on a small disk, in three steps so that only the migration is timed. {@link #prepare} (untimed)
 * fills the source, creates the destination with its memory laid down (as the destination disk exists
 * before the copy; a heap store allocating 1 MiB segments during the copy made the garbage collector copy
 * them, pausing every thread for up to 100 ms), takes the method's first step and starts the guest, which
 * is running when the migration begins. {@link Run#migrate} (timed) copies until the switchover, the guest
 * stunned at its end. {@link Run#finish} (untimed) stops the guest and checks the data: a difference
 * between the disks or a lost write throws, which fails the benchmark.
 *
 * @param ratePerSecond guest writes per second, all threads together; 0 is flat out
 * @param writers guest writer threads; 0 leaves the disk idle
 */
public record Migration(Method method, long diskSectors, int writers, long ratePerSecond, Locality locality,
    int writeSectors, Store store, long chunkSectors, long seed) {
  /** The tag of the source's content before the guest writes. */
  static final long FILL = 0x5EED_F111L;

  /**
   * What one migration did and how the guest fared during it: its writes, their latency from each write's
   * intended start ({@code latency}) and from its issue ({@code service}), in nanoseconds.
   */
  public record Result(long wallNanos, Method.Outcome outcome, long guestWrites, Histogram latency,
      Histogram service) {
    /** Guest writes per second of the migration. */
    public double writesPerSecond() {
      return wallNanos == 0 ? 0 : guestWrites * 1e9 / wallNanos;
    }
  }

  /** One migration, its disks built and its guest running; {@link #migrate} once, then {@link #finish}. */
  public final class Run {
    final BlockStore source;
    final BlockStore destination;
    private final List<BlockStore> children = new ArrayList<>();
    private final Method.Running running;
    private final GuestWriters guest;
    private boolean finished;

    private Run() {
      source = store.filled(diskSectors, FILL);
      destination = store.filled(diskSectors, 0);
      int grain = (int) SnapshotPolicy.defaults().grainSectors();
      running = method.start(source, destination, (capacity, tag) -> {
        BlockStore child = store.sparse(capacity, tag, grain);
        synchronized (children) {
          children.add(child);
        }
        return child;
      });
      // The disks were just made: collected now, they are old objects that no pause during the copy moves
      // (a young collection copying a fresh 256 MiB source paused every thread for 424 ms of the copy).
      System.gc();
      guest = new GuestWriters(writers, ratePerSecond, locality, diskSectors, writeSectors, seed, FILL,
          running.sink());
      try {
        guest.start();
      } catch (RuntimeException e) {
        finish();
        throw e;
      }
    }

    /** Migrates: copies until the switchover and stuns the guest for it. The part a benchmark times. */
    public Result migrate() {
      guest.record(true);
      long start = System.nanoTime();
      Method.Outcome outcome = running.migrate(guest, chunkSectors);
      long wall = System.nanoTime() - start;
      return new Result(wall, outcome, guest.recordedWrites(), guest.latencies(), guest.serviceTimes());
    }

    /** Stops the guest, checks the data (throws on any difference or lost write), releases the disks. */
    public void finish() {
      if (finished) {
        return;
      }
      finished = true;
      try {
        guest.close();
        running.check(guest);
      } finally {
        Store.release(source);
        Store.release(destination);
        synchronized (children) {
          children.forEach(Store::release);
        }
      }
    }
  }

  public Run prepare() {
    return new Run();
  }

  /** Prepares, migrates and checks: the whole body once. */
  public Result run() {
    Run run = prepare();
    try {
      return run.migrate();
    } finally {
      run.finish();
    }
  }
}
