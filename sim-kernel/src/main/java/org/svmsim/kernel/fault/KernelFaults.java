package org.svmsim.kernel.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.log.Statuses;
import org.svmsim.kernel.perf.DatastoreService;
import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.Vmfs;

/**
 * What an injected fault does to the kernel's storage: a destination that fills up, writes to it or
 * reads from the source that fail, a destination whose service collapses. The relocate it strikes names
 * the datastores: the VM's home is the source, the relocate's destination the destination. The fault
 * changes the datastore's shared service ({@link DatastoreService}), so every stream on it, the guest's
 * and the copy's alike, meets it as a real host's would. Faults for other components are theirs to handle.
 */
public final class KernelFaults {
  /** How long a transient I/O error lasts: svmsim's guess (a path failover, a controller reset). */
  static final long TRANSIENT_MIN_NANOS = 500 * VirtualTime.MILLISECOND;
  static final long TRANSIENT_MAX_NANOS = 3 * VirtualTime.SECOND;
  /**
   * The status a failed I/O completes with. svmsim's guess: no source shows a Storage vMotion's
   * destination write error; "IO was aborted" is the status ESXi 5.5 printed when a migration's I/O failed
   * (real-lines/vmkernel_rssing-esxi55-svmotion-maxswitchover.log).
   */
  public static final IoStatus IO_ERROR = IoStatus.failed(Statuses.IO_ABORTED);
  /**
   * A dest-slow collapse, all svmsim's guesses (no source gives figures): each I/O's latency rises 40 to
   * 200 times (mode latency: a failing path, an array rebuilding), or the bandwidth falls to a 20th to a
   * 100th (mode bandwidth: a saturated link), for 20 s to 2 min, drawn from the seed; then it recovers.
   */
  static final double LATENCY_MIN = 40;
  static final double LATENCY_MAX = 200;
  static final double BANDWIDTH_MIN = 20;
  static final double BANDWIDTH_MAX = 100;
  static final long SLOW_MIN_NANOS = 20 * VirtualTime.SECOND;
  static final long SLOW_MAX_NANOS = 120 * VirtualTime.SECOND;

  private final Bus bus;
  private final SimRandom random;
  private final Vmfs vmfs;
  private final Map<VmId, DatastoreId> home = new LinkedHashMap<>();
  private final Map<VmId, DatastoreId> destination = new LinkedHashMap<>();

  public KernelFaults(Bus bus, SimRandom random, Vmfs vmfs) {
    this.bus = bus;
    this.random = random;
    this.vmfs = vmfs;
    bus.subscribe(VmxEvent.VmxStarted.class, e -> {
      if (!e.shadow()) {
        home.put(e.vm(), e.home());
      }
    });
    bus.subscribe(AgentEvent.RelocateVm.class, e -> destination.put(e.vm(), e.destination()));
    bus.subscribe(KernelEvent.FaultInjected.class, e -> strike(e.fault()));
  }

  private void strike(Fault f) {
    DatastoreId dest = destination.get(f.vm());
    DatastoreId src = home.get(f.vm());
    switch (f.kind()) {
      case DEST_OUT_OF_SPACE -> {
        if (dest != null) {
          vmfs.volume(dest).exhaust();
        }
      }
      case DEST_WRITE_ERROR -> {
        if (dest != null) {
          vmfs.volume(dest).service().failWrites(until(f), IO_ERROR);
        }
      }
      case SOURCE_READ_ERROR -> {
        if (src != null) {
          vmfs.volume(src).service().failReads(until(f), IO_ERROR);
        }
      }
      case DEST_SLOW -> {
        if (dest != null) {
          slow(vmfs.volume(dest).service(), f.mode() == FaultMode.LATENCY);
        }
      }
      default -> { }
    }
  }

  private void slow(DatastoreService service, boolean latency) {
    double factor = latency ? LATENCY_MIN + random.nextDouble() * (LATENCY_MAX - LATENCY_MIN)
        : BANDWIDTH_MIN + random.nextDouble() * (BANDWIDTH_MAX - BANDWIDTH_MIN);
    long until = bus.now() + random.nextLong(SLOW_MIN_NANOS, SLOW_MAX_NANOS);
    service.slow(latency ? factor : 1, latency ? 1 : factor, until);
  }

  private long until(Fault f) {
    return f.persistent() ? Long.MAX_VALUE
        : bus.now() + random.nextLong(TRANSIENT_MIN_NANOS, TRANSIENT_MAX_NANOS);
  }
}
