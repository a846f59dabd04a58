package org.svmsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.storage.BlockStore;

/**
 * Guest writer threads: each issues block-aligned writes of {@code writeSectors}, one at a time (a queue
 * depth of one per thread), at a set total rate or flat out. While {@link #record} is on, each writer
 * records every write in two HdrHistograms of its own, up to its acknowledgement (a held mirror write is
 * acknowledged by its completion handle, from the copier's thread): its latency from the write's intended
 * start (at a set rate, so a stalled write also delays the next ones' figures: no coordinated omission;
 * flat out, the intended start is the issue) and its service time from its issue. Writer {@code w} owns the
 * blocks whose index is {@code w} mod the writer count, so each block's last write is known:
 * {@link #checkLastWrites} proves nothing was lost. {@link #stun} holds every writer back between two
 * writes, as a VM stun does.
 *
 * <p>Pacing: each writer keeps its own schedule of intended starts, {@code threads / rate} apart, and parks
 * until the next one. {@code parkNanos} wakes late (on this machine 100 us at the median, up to a few ms,
 * whatever the wait asked), so a writer that wakes late issues the writes it owes back to back: the rate is
 * kept on average, and the lateness shows in the latency from intended start, not in the service time. No
 * writer spins: on two cores a spinning writer would take the copier's core.
 */
public final class GuestWriters implements AutoCloseable {
  /** Where a write goes: true when acknowledged now, else {@code handle} acknowledges it later. */
  @FunctionalInterface
  public interface Sink {
    boolean write(long id, long lba, long sectors, long tag, Consumer<MirrorPass.Applied> handle);
  }

  private final int writeSectors;
  private final long blocks;
  private final long[] lastTag; // per block, written by its owner only
  private final List<Writer> writers = new ArrayList<>();
  private final StampedLock gate = new StampedLock();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final java.util.concurrent.CountDownLatch running;
  private volatile boolean stop;
  private volatile boolean recording;
  /** Set before the stun takes the gate: a writer sees it between two writes and waits there. */
  private volatile boolean stunning;
  private long stunStamp;
  private boolean stunned;

  /**
   * {@code ratePerSecond} is the total for all threads; 0 means flat out. {@code initialTag} is what an
   * unwritten block holds.
   */
  public GuestWriters(int threads, long ratePerSecond, Locality locality, long capacitySectors, int writeSectors,
      long seed, long initialTag, Sink sink) {
    this.writeSectors = writeSectors;
    this.blocks = capacitySectors / writeSectors;
    this.lastTag = new long[(int) blocks];
    java.util.Arrays.fill(lastTag, initialTag);
    this.running = new java.util.concurrent.CountDownLatch(threads);
    long intervalNanos = ratePerSecond <= 0 ? 0 : 1_000_000_000L * threads / ratePerSecond;
    for (int w = 0; w < threads; w++) {
      writers.add(new Writer(w, threads, intervalNanos, locality, new SplittableRandom(seed * 7919 + w), sink));
    }
  }

  private final class Writer implements Runnable, Consumer<MirrorPass.Applied> {
    final int index;
    final int of;
    final long interval;
    final Locality locality;
    final SplittableRandom random;
    final Sink sink;
    final Histogram latency = new Histogram(3_600_000_000_000L, 3);
    final Histogram service = new Histogram(3_600_000_000_000L, 3);
    final Thread thread;
    volatile boolean acked;
    long writes;
    long recorded; // written under the gate's read lock: the stun's write lock publishes it

    Writer(int index, int of, long interval, Locality locality, SplittableRandom random, Sink sink) {
      this.index = index;
      this.of = of;
      this.interval = interval;
      this.locality = locality;
      this.random = random;
      this.sink = sink;
      this.thread = new Thread(this, "guest-writer-" + index);
      thread.setDaemon(true);
    }

    @Override
    public void accept(MirrorPass.Applied applied) {
      acked = true;
      if (Thread.currentThread() != thread) {
        LockSupport.unpark(thread);
      }
    }

    @Override
    public void run() {
      try {
        long mine = Math.max(1, (blocks - index + of - 1) / of);
        long previous = -1;
        long next = System.nanoTime();
        while (!stop) {
          if (interval > 0) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
              continue;
            }
          }
          long start = interval > 0 ? next : System.nanoTime();
          previous = locality.nextBlock(random, mine, previous);
          long block = previous * of + index;
          long tag = ((long) (index + 1) << 40) | (writes + 1);
          while (stunning && !stop) {
            LockSupport.park(GuestWriters.this);
          }
          long stamp = gate.readLock();
          try {
            if (stop) {
              break;
            }
            acked = false;
            long issued = System.nanoTime();
            if (!sink.write(tag, block * writeSectors, writeSectors, tag, this)) {
              while (!acked) {
                LockSupport.park(this);
              }
            }
            writes++;
            if (recording) { // under the lock, so that a stunned guest's figures are complete
              long done = System.nanoTime();
              latency.recordValue(Math.max(0, done - start));
              service.recordValue(Math.max(0, done - issued));
              recorded++;
            }
          } finally {
            gate.unlockRead(stamp);
          }
          running.countDown(); // the first write is done: the guest is running
          lastTag[(int) block] = tag;
          next += interval;
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /**
   * Starts the writers and returns once each has completed a write, as a migration starts on a running
   * VM (a copy as fast as the disk's bytes would otherwise be over before a loaded machine schedules them).
   */
  public GuestWriters start() {
    writers.forEach(w -> w.thread.start());
    try {
      while (!running.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the guest writers", e);
    }
    return this;
  }

  /**
   * Holds every writer back between two writes and waits for the writes in progress: the VM is stunned.
   * The flag comes first: a {@code StampedLock}'s readers may overtake a waiting writer, so writers flat
   * out on two cores would keep the gate read-locked between them and starve the stun for hundreds of
   * milliseconds (the mirror's 670 ms "downtime" was that, not the switchover). With the flag, each
   * writer finishes at most the one write it is in, then waits.
   */
  public void stun() {
    stunning = true;
    stunStamp = gate.writeLock();
    stunned = true;
  }

  public void unstun() {
    stunned = false;
    gate.unlockWrite(stunStamp);
    stunning = false;
    writers.forEach(w -> LockSupport.unpark(w.thread));
  }

  /** Stops the writers (stunned ones without writing again) and waits for them; rethrows a failure. */
  @Override
  public void close() {
    stop = true;
    if (stunned) {
      unstun();
    }
    for (Writer w : writers) {
      try {
        w.thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping the guest writers", e);
      }
      if (w.thread.isAlive()) {
        throw new IllegalStateException(w.thread.getName() + " did not stop");
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a guest writer failed: " + failure.get(), failure.get());
    }
  }

  /**
   * Turns the recording of latencies on or off: on when the migration starts, so that the writers' first,
   * cold writes before it (threads starting, code not yet compiled) are not counted as its figures.
   */
  public void record(boolean on) {
    recording = on;
  }

  /** All writers' recorded latencies from intended start, in nanoseconds (valid once stunned or closed). */
  public Histogram latencies() {
    return merged(w -> w.latency);
  }

  /** All writers' recorded service times, from issue to acknowledgement (valid once stunned or closed). */
  public Histogram serviceTimes() {
    return merged(w -> w.service);
  }

  private Histogram merged(java.util.function.Function<Writer, Histogram> which) {
    Histogram all = new Histogram(3_600_000_000_000L, 3);
    writers.forEach(w -> all.add(which.apply(w)));
    return all;
  }

  /** The writes whose latency was recorded (valid once stunned or closed). */
  public long recordedWrites() {
    return writers.stream().mapToLong(w -> w.recorded).sum();
  }

  /** Every write completed, recorded or not (valid once closed). */
  public long writes() {
    return writers.stream().mapToLong(w -> w.writes).sum();
  }

  /** Reads a disk as the VM sees it. */
  @FunctionalInterface
  public interface Reader {
    BlockStore.Slice read(long lba, long sectors);
  }

  /** Fails unless every block of {@code disk} holds its last write (valid once closed). */
  public void checkLastWrites(Reader disk, String what) {
    for (long b = 0; b < blocks; b++) {
      long[] runs = disk.read(b * writeSectors, writeSectors).runs();
      if (runs.length != 3 || runs[2] != lastTag[(int) b]) {
        throw new IllegalStateException(what + ": block " + b + " (sector " + b * writeSectors + ") holds "
            + java.util.Arrays.toString(runs) + ", its last write was " + Long.toHexString(lastTag[(int) b]));
      }
    }
  }
}
