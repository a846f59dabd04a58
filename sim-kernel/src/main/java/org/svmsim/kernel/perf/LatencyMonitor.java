package org.svmsim.kernel.perf;

import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * vmkernel's watch on a device's I/O latency (ScsiDeviceIO): the mean device latency (from the moment an
 * I/O holds a queue slot to its completion, less the time its own bytes take at the nominal bandwidth) of
 * each window of {@link #WINDOW_NANOS} is compared with the
 * device's running average; a window over {@link #DETERIORATED} times the average publishes {@link
 * KernelEvent.DeviceLatencyChanged} ("performance has deteriorated"), and the first window back under
 * {@link #IMPROVED} times it publishes the improvement. It reads what the model did, so any cause (a fault,
 * an oversubscribed datastore) shows alike. The window, the ratios and the averaging are svmsim's guesses:
 * ESXi's own thresholds are not published in any source svmsim has.
 */
final class LatencyMonitor {
  static final long WINDOW_NANOS = 200 * VirtualTime.MILLISECOND;
  static final double DETERIORATED = 10;
  static final double IMPROVED = 3;

  private final Bus bus;
  private final String datastore;
  private long windowStart = -1;
  private long sumNanos;
  private long count;
  /** The running average of normal windows, in nanoseconds; 0 before the first window. */
  private double average;
  /** The mean of the window that logged the deterioration; 0 while the device is normal. */
  private double deteriorated;

  LatencyMonitor(Bus bus, String datastore) {
    this.bus = bus;
    this.datastore = datastore;
  }

  void completed(long now, long latencyNanos) {
    if (windowStart >= 0 && now - windowStart >= WINDOW_NANOS) {
      close();
    }
    if (windowStart < 0) {
      windowStart = now;
    }
    sumNanos += Math.max(0, latencyNanos);
    count++;
  }

  private void close() {
    double mean = (double) sumNanos / count;
    windowStart = -1;
    sumNanos = 0;
    count = 0;
    if (average == 0) {
      average = mean;
    } else if (deteriorated > 0) {
      if (mean < IMPROVED * average) {
        bus.publish(new KernelEvent.DeviceLatencyChanged(datastore, false, micros(deteriorated), micros(mean)));
        deteriorated = 0;
      }
    } else if (mean > DETERIORATED * average) {
      bus.publish(new KernelEvent.DeviceLatencyChanged(datastore, true, micros(average), micros(mean)));
      deteriorated = mean;
    } else {
      average += (mean - average) / 8;
    }
  }

  private static long micros(double nanos) {
    return Math.round(nanos / VirtualTime.MICROSECOND);
  }
}
