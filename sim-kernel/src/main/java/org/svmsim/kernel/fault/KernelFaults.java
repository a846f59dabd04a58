package org.svmsim.kernel.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.Vmfs;

/**
 * What an injected fault does to the kernel's storage: a destination that fills up, writes to it or
 * reads from the source that fail. The relocate it strikes names the datastores: the VM's home is the
 * source, the relocate's destination the destination. Faults for other components are theirs to handle.
 */
public final class KernelFaults {
  /** How long a transient I/O error lasts: svmsim's guess (a path failover, a controller reset). */
  static final long TRANSIENT_MIN_NANOS = 500 * VirtualTime.MILLISECOND;
  static final long TRANSIENT_MAX_NANOS = 3 * VirtualTime.SECOND;

  private final Bus bus;
  private final SimRandom random;
  private final Vmfs vmfs;
  private final IoFaults io;
  private final Map<VmId, DatastoreId> home = new LinkedHashMap<>();
  private final Map<VmId, DatastoreId> destination = new LinkedHashMap<>();

  public KernelFaults(Bus bus, SimRandom random, Vmfs vmfs, IoFaults io) {
    this.bus = bus;
    this.random = random;
    this.vmfs = vmfs;
    this.io = io;
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
          io.failWrites(dest, until(f));
        }
      }
      case SOURCE_READ_ERROR -> {
        if (src != null) {
          io.failReads(src, until(f));
        }
      }
      default -> { }
    }
  }

  private long until(Fault f) {
    return f.persistent() ? Long.MAX_VALUE
        : bus.now() + random.nextLong(TRANSIENT_MIN_NANOS, TRANSIENT_MAX_NANOS);
  }
}
