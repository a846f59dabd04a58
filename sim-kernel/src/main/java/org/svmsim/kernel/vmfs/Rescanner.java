package org.svmsim.kernel.vmfs;

import java.util.List;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.device.DeviceBusyException;
import org.svmsim.kernel.device.DeviceRegistry;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;

/**
 * The periodic filesystem rescan: a helper world probes every device for a VMFS volume. A device held
 * exclusively (the VMX's mirror node) fails the probe and both volume-open attempts with Busy, then no
 * filesystem driver claims it: the harmless four-line burst of the seed. Each attempt takes a few hundred
 * microseconds (modelled), so a burst can straddle a millisecond as the seed's last one does.
 */
public final class Rescanner {
  private static final long ATTEMPT_MIN_NANOS = 50_000;
  private static final long ATTEMPT_MAX_NANOS = 450_000;
  private final Bus bus;
  private final SimRandom random;
  private final SimRandom attempts;
  private final HostConfig host;
  private final DeviceRegistry devices;
  private int pinnedIndex;

  public Rescanner(Bus bus, SimRandom random, HostConfig host, DeviceRegistry devices) {
    this.bus = bus;
    this.random = random.split("intervals");
    // Probe durations draw from their own stream, so the number of devices probed does not shift the
    // times of later rescans.
    this.attempts = random.split("attempts");
    this.host = host;
    this.devices = devices;
    bus.subscribe(KernelEvent.RescanDue.class, e -> rescan());
  }

  /** Schedules the first rescan. */
  public void start() {
    scheduleNext(true);
  }

  private void scheduleNext(boolean first) {
    List<Long> pinned = host.rescanAtNanos();
    while (pinnedIndex < pinned.size()) {
      long at = pinned.get(pinnedIndex++);
      if (at >= bus.now() && (first || at > bus.now())) {
        bus.scheduleAt(at, new KernelEvent.RescanDue());
        return;
      }
    }
    long delay = first && pinned.isEmpty()
        ? host.rescanFirstNanos()
        : random.nextLong(host.rescanMinNanos(), host.rescanMaxNanos() + 1);
    bus.schedule(delay, new KernelEvent.RescanDue());
  }

  private void rescan() {
    List<WorldId> worlds = host.helperWorlds();
    WorldId world = worlds.get(random.nextInt(worlds.size()));
    long at = bus.now();
    for (DeviceRegistry.Entry d : devices.all()) {
      if (d.hasFilesystem()) {
        continue;
      }
      if (!devices.canOpen(world, d.name())) {
        bus.scheduleAt(at, new KernelEvent.ProbeOpenFailed(world, d.name(), DeviceBusyException.STATUS));
        at += attempt();
        bus.scheduleAt(at, new KernelEvent.VolumeOpenFailed(world, d.name(), DeviceBusyException.STATUS));
        at += attempt();
        bus.scheduleAt(at, new KernelEvent.VolumeOpenFailed(world, d.name(), DeviceBusyException.STATUS));
        at += attempt();
      }
      bus.scheduleAt(at, new KernelEvent.NoFsDriverClaimed(world, d.name()));
      at += attempt();
    }
    scheduleNext(false);
  }

  private long attempt() {
    return attempts.nextLong(ATTEMPT_MIN_NANOS, ATTEMPT_MAX_NANOS);
  }
}
