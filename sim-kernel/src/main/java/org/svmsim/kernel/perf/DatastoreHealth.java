package org.svmsim.kernel.perf;

/**
 * What injected faults do to one datastore now: reads or writes that fail until a virtual time ({@link
 * Long#MAX_VALUE}: for good), and a collapse of its service (each I/O's latency multiplied, its bandwidth
 * divided) until a virtual time. The service reads it as each I/O moves, so nothing is special-cased: every
 * stream on the datastore (guest, copy, checkpoint) meets the same degraded disk.
 */
final class DatastoreHealth {
  private long readsFailUntil = Long.MIN_VALUE;
  private long writesFailUntil = Long.MIN_VALUE;
  private IoStatus readStatus = IoStatus.OK;
  private IoStatus writeStatus = IoStatus.OK;
  private long slowUntil = Long.MIN_VALUE;
  private double latencyFactor = 1;
  private double bandwidthFactor = 1;

  void failReads(long untilNanos, IoStatus status) {
    readsFailUntil = Math.max(readsFailUntil, untilNanos);
    readStatus = status;
  }

  void failWrites(long untilNanos, IoStatus status) {
    writesFailUntil = Math.max(writesFailUntil, untilNanos);
    writeStatus = status;
  }

  void slow(double latencyTimes, double bandwidthDividedBy, long untilNanos) {
    latencyFactor = latencyTimes;
    bandwidthFactor = bandwidthDividedBy;
    slowUntil = untilNanos;
  }

  /** How an I/O completing at {@code now} ends. */
  IoStatus status(boolean write, long now) {
    if (write) {
      return now < writesFailUntil ? writeStatus : IoStatus.OK;
    }
    return now < readsFailUntil ? readStatus : IoStatus.OK;
  }

  long latencyNanos(DatastorePerformance perf, long now) {
    return now < slowUntil ? (long) (perf.latencyNanos() * latencyFactor) : perf.latencyNanos();
  }

  long bytesPerSecond(DatastorePerformance perf, long now) {
    return now < slowUntil ? Math.max(1, (long) (perf.bytesPerSecond() / bandwidthFactor)) : perf.bytesPerSecond();
  }
}
