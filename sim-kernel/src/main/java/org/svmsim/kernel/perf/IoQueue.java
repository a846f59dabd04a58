package org.svmsim.kernel.perf;

import org.svmsim.kernel.sim.VirtualTime;

/**
 * A datastore's service model, pure arithmetic on virtual time: up to {@code queueDepth} I/Os are in
 * service at once, each pays the datastore's latency, and their transfers share one pipe of the
 * datastore's bandwidth in arrival order. Asking for an I/O returns its completion time; the caller
 * schedules what follows. Arrival times must not go backwards.
 */
public final class IoQueue {
  private final DatastorePerformance perf;
  private final long[] slotFreeAt;
  private long pipeFreeAt;
  private long ios;
  private long bytes;

  public IoQueue(DatastorePerformance perf) {
    this.perf = perf;
    this.slotFreeAt = new long[perf.queueDepth()];
  }

  /** Serves one I/O of {@code size} bytes arriving at {@code now}; returns when it completes. */
  public long submit(long now, long size) {
    int slot = 0;
    for (int i = 1; i < slotFreeAt.length; i++) {
      if (slotFreeAt[i] < slotFreeAt[slot]) {
        slot = i;
      }
    }
    long start = Math.max(now, slotFreeAt[slot]);
    long transferStart = Math.max(start, pipeFreeAt);
    long transferEnd = transferStart + VirtualTime.transfer(size, perf.bytesPerSecond());
    pipeFreeAt = transferEnd;
    long done = transferEnd + perf.latencyNanos();
    slotFreeAt[slot] = done;
    ios++;
    bytes += size;
    return done;
  }

  public DatastorePerformance performance() {
    return perf;
  }

  public long ios() {
    return ios;
  }

  public long bytes() {
    return bytes;
  }
}
