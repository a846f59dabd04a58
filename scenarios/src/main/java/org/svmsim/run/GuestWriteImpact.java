package org.svmsim.run;

import java.util.LinkedHashSet;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.storage.BlockStore;

/**
 * What the guest pays during its migration: the latency of every write a migrating VM had acknowledged
 * while its relocate ran (from {@code RelocateVm} to {@code RelocateFinished}), and the write throughput
 * over that time. Latencies go into an HdrHistogram (three significant digits); the maximum is exact.
 */
final class GuestWriteImpact implements Observer {
  private final Histogram latencies = new Histogram(3);
  private final Set<VmId> migrating = new LinkedHashSet<>();
  private long windowStartedAt;
  private long windowNanos;
  private long bytes;
  private long maxNanos;

  /** The four figures of summary.json, in microseconds and MB/s (10^6 bytes). */
  record Figures(double p50Us, double p99Us, double maxUs, double throughputMBps) {}

  @Override
  public void onEvent(long t, Event event) {
    if (event instanceof AgentEvent.RelocateVm e) {
      if (migrating.isEmpty()) {
        windowStartedAt = t;
      }
      migrating.add(e.vm());
    } else if (event instanceof AgentEvent.RelocateFinished e) {
      if (migrating.remove(e.vm()) && migrating.isEmpty()) {
        windowNanos += t - windowStartedAt;
      }
    } else if (event instanceof RunEvent.RunFinished && !migrating.isEmpty()) {
      windowNanos += t - windowStartedAt; // a run cut short by its horizon: the window ends with it
      migrating.clear();
    } else if (event instanceof KernelEvent.GuestIoCompleted e && e.write() && migrating.contains(e.vm())) {
      latencies.recordValue(Math.max(0, e.latencyNanos()));
      maxNanos = Math.max(maxNanos, e.latencyNanos());
      bytes += e.sectors() * BlockStore.SECTOR;
    }
  }

  Figures figures() {
    if (latencies.getTotalCount() == 0) {
      return new Figures(0, 0, 0, 0);
    }
    double mbps = windowNanos == 0 ? 0 : bytes / (windowNanos / 1e9) / 1e6;
    return new Figures(micros(latencies.getValueAtPercentile(50)), micros(latencies.getValueAtPercentile(99)),
        micros(maxNanos), Math.round(mbps * 1000) / 1000.0);
  }

  private static double micros(long nanos) {
    return Math.round(nanos / 100.0) / 10.0;
  }
}
