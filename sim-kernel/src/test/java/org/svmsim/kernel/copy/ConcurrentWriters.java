package org.svmsim.kernel.copy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.StampedLock;
import org.svmsim.kernel.storage.BlockStore;

/**
 * Guest writer threads for the write paths' concurrency tests. Writer {@code w} owns every unit of
 * {@link #UNIT} sectors whose index is {@code w} mod the writer count, and writes random ranges inside its
 * units: units are far smaller than a lock region and than a chunk, so the writers share stripes and meet
 * the copier's chunks everywhere, yet each sector's last write is known (its owner's last, in program
 * order), which is what {@link #checkLastWrites} compares with a disk. {@link #stun} stops them all between
 * two writes, as a VM stun does; the copier runs in the test's own thread.
 */
public final class ConcurrentWriters implements AutoCloseable {
  public static final int UNIT = 24;

  /** One guest write: issue it to the write path under test. */
  @FunctionalInterface
  public interface Sink {
    void write(long id, long lba, long sectors, long tag);
  }

  private final long capacity;
  private final long[] lastTag; // per sector; each sector is written by its owner only
  private final List<Thread> threads = new ArrayList<>();
  private final StampedLock gate = new StampedLock();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stop;
  private long stunStamp;
  private boolean stunned;
  private final long[] issued;

  public ConcurrentWriters(long capacitySectors, int writers, long seed, long initialTag, Sink sink) {
    this.capacity = capacitySectors;
    this.lastTag = new long[(int) capacitySectors];
    java.util.Arrays.fill(lastTag, initialTag);
    this.issued = new long[writers];
    long units = capacitySectors / UNIT;
    for (int w = 0; w < writers; w++) {
      int me = w;
      SplittableRandom random = new SplittableRandom(seed * 31 + w);
      Thread t = new Thread(() -> {
        try {
          long n = 0;
          while (!stop) {
            long unit = me + writers * random.nextLong(Math.max(1, (units - me + writers - 1) / writers));
            long start = unit * UNIT + random.nextInt(UNIT);
            long len = 1 + random.nextInt((int) (unit * UNIT + UNIT - start));
            long tag = ((long) (me + 1) << 40) | ++n;
            long stamp = gate.readLock();
            try {
              if (stop) { // stopped while stunned: the copy may be over
                break;
              }
              sink.write(tag, start, len, tag);
            } finally {
              gate.unlockRead(stamp);
            }
            java.util.Arrays.fill(lastTag, (int) start, (int) (start + len), tag);
            issued[me] = n;
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "guest-writer-" + w);
      t.setDaemon(true);
      threads.add(t);
    }
  }

  public ConcurrentWriters start() {
    threads.forEach(Thread::start);
    return this;
  }

  /** Waits for the writes in progress and holds every writer back: the VM is stunned. */
  public void stun() {
    stunStamp = gate.writeLock();
    stunned = true;
  }

  /** Stops the writers (a stunned VM stops without writing again) and waits for them; rethrows a failure. */
  @Override
  public void close() throws InterruptedException {
    stop = true;
    if (stunned) {
      stunned = false;
      gate.unlockWrite(stunStamp);
    }
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(30));
      if (t.isAlive()) {
        fail(t.getName() + " did not stop");
      }
    }
    if (failure.get() != null) {
      throw new AssertionError("a guest writer failed: " + failure.get(), failure.get());
    }
  }

  /** Writes issued in all (valid once closed). */
  public long issued() {
    long sum = 0;
    for (long n : issued) {
      sum += n;
    }
    return sum;
  }

  /** Reads a disk as the VM sees it. */
  @FunctionalInterface
  public interface Reader {
    BlockStore.Slice read(long lba, long sectors);
  }

  /** Every sector of {@code disk} holds its last write: nothing was lost (valid once closed). */
  public void checkLastWrites(Reader disk, String what) {
    for (long at = 0; at < capacity; at += 4096) {
      long[] runs = disk.read(at, Math.min(4096, capacity - at)).runs();
      for (int i = 0; i < runs.length; i += 3) {
        for (long s = runs[i]; s < runs[i + 1]; s++) {
          if (lastTag[(int) s] != runs[i + 2]) {
            fail(what + ": sector " + s + " holds " + Long.toHexString(runs[i + 2]) + ", its last write was "
                + Long.toHexString(lastTag[(int) s]));
          }
        }
      }
    }
  }
}
