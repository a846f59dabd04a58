package org.svmsim.kernel.perf;

/**
 * What a datastore can do: sustained bandwidth, the service latency of one I/O, and how many I/Os it
 * serves at once. The copy and the guest's I/O share it.
 */
public record DatastorePerformance(long bytesPerSecond, long latencyNanos, int queueDepth) {
  public DatastorePerformance {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bandwidth must be positive, was " + bytesPerSecond);
    }
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("latency must not be negative, was " + latencyNanos);
    }
    if (queueDepth < 1) {
      throw new IllegalArgumentException("queue depth must be at least 1, was " + queueDepth);
    }
  }
}
