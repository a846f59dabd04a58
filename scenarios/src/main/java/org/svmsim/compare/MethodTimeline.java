package org.svmsim.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.storage.BlockStore;

/**
 * One run's curves for compare's chart, in seconds since the relocate: bytes copied so far, bytes still
 * to copy (the pass under way's rest, then what the guest left dirty or wrote to the newest redo log),
 * and the guest's write latency (p99 over each tenth of a second of writes).
 */
public final class MethodTimeline implements Observer {
  static final long BUCKET_NANOS = 100 * VirtualTime.MILLISECOND;

  /** A point of a curve. */
  public record Point(double seconds, double value) {}

  private final List<Point> copied = new ArrayList<>();
  private final List<Point> pending = new ArrayList<>();
  private final List<Point> latency = new ArrayList<>();
  private final List<Long> bucket = new ArrayList<>();
  private long start = -1;
  private long bucketStart;
  private long copiedBytes;
  private long pendingBytes;
  private boolean ended;

  @Override
  public void onEvent(long t, Event event) {
    if (event instanceof AgentEvent.RelocateVm && start < 0) {
      start = t;
      bucketStart = t;
    }
    if (start < 0 || ended) {
      return;
    }
    if (event instanceof KernelEvent.CopyPassStarted e) {
      pendingBytes = e.sectors() * BlockStore.SECTOR;
      add(pending, t, pendingBytes);
    } else if (event instanceof KernelEvent.ChunkCopied e) {
      long bytes = e.sectors() * BlockStore.SECTOR;
      copiedBytes += bytes;
      pendingBytes = Math.max(0, pendingBytes - bytes);
      add(copied, t, copiedBytes);
      add(pending, t, pendingBytes);
    } else if (event instanceof VmxEvent.CopyPassEnded e) {
      pendingBytes = e.pendingBytes();
      add(pending, t, pendingBytes);
    } else if (event instanceof KernelEvent.GuestIoCompleted e && e.write()) {
      while (t >= bucketStart + BUCKET_NANOS) {
        flush();
      }
      bucket.add(e.latencyNanos());
    } else if (event instanceof AgentEvent.RelocateFinished) {
      flush();
      ended = true;
    }
  }

  private void flush() {
    if (!bucket.isEmpty()) {
      long[] v = bucket.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(v);
      long p99 = v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.99) - 1)];
      latency.add(new Point(seconds(bucketStart + BUCKET_NANOS / 2), p99 / 1e6));
      bucket.clear();
    }
    bucketStart += BUCKET_NANOS;
  }

  private void add(List<Point> curve, long t, long bytes) {
    curve.add(new Point(seconds(t), bytes / (double) (1 << 20)));
  }

  private double seconds(long t) {
    return (t - start) / 1e9;
  }

  /** MiB copied so far. */
  public List<Point> copied() {
    return copied;
  }

  /** MiB still to copy. */
  public List<Point> pending() {
    return pending;
  }

  /** Write latency p99 per tenth of a second, in ms. */
  public List<Point> latency() {
    return latency;
  }
}
