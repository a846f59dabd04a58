package org.svmsim.scenario;

import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.scenario.unit.Bandwidth;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.SimDuration;

/** What a datastore sustains: bandwidth, the latency of one I/O, and how many I/Os it serves at once. */
public record PerformanceSpec(Bandwidth bandwidth, SimDuration latency, int queueDepth) {
  public PerformanceSpec {
    if (Check.present("bandwidth", bandwidth).bytesPerSecond() <= 0) {
      throw new BadValueException("bandwidth", bandwidth, "must be at least 1B/s");
    }
    if (bandwidth.bytesPerSecond() > VirtualTime.MAX_BANDWIDTH) {
      throw new BadValueException("bandwidth", bandwidth,
          "must be at most " + Bandwidth.ofBytesPerSecond(VirtualTime.MAX_BANDWIDTH) + ", the kernel's model limit");
    }
    Check.atMost("latency", latency, SimDuration.ofSeconds(10), "an I/O slower than that has failed");
    Check.atLeast("queueDepth", queueDepth, 1);
    Check.atMost("queueDepth", queueDepth, 4096, "a device's largest queue");
  }
}
