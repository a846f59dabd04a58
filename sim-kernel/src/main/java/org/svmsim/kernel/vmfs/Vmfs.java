package org.svmsim.kernel.vmfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.perf.StorageFabric;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;

/** The mounted VMFS volumes, by UUID, in mount order. */
public final class Vmfs {
  private Bus bus;
  private final SimRandom random;
  private final StorageFabric storage;
  private final Map<DatastoreId, VmfsVolume> volumes = new LinkedHashMap<>();
  private final HostLogs hostLogs = new HostLogs();

  /** A host's VMFS, mounting datastores whose I/O services live on {@code storage}. */
  public Vmfs(Bus bus, SimRandom random, StorageFabric storage) {
    this.bus = bus;
    this.random = random;
    this.storage = storage;
  }

  /** A VMFS alone on its own storage fabric (tests, single-host tools). */
  public Vmfs(Bus bus, SimRandom random) {
    this(bus, random, new StorageFabric(bus));
  }

  public VmfsVolume mount(DatastoreConfig config) {
    if (volumes.containsKey(config.uuid())) {
      throw new IllegalStateException("volume " + config.uuid() + " is already mounted");
    }
    VmfsVolume v = new VmfsVolume(bus, random.split("vmfs/" + config.uuid()), config, storage.attach(config));
    volumes.put(config.uuid(), v);
    bus.publish(new KernelEvent.VolumeMounted(config.uuid(), config.name(), config.blockSizeBytes(),
        config.capacityBytes(), config.freeBytes()));
    return v;
  }

  /**
   * The host booted again: its new kernel mounts the same volumes, with every file and its content as
   * the crash left them on the datastores, and their facts go on the new kernel's bus.
   */
  public void remount(Bus newBus) {
    bus = newBus;
    for (VmfsVolume v : volumes.values()) {
      v.rebind(newBus);
      DatastoreConfig c = v.config();
      newBus.publish(new KernelEvent.VolumeMounted(c.uuid(), c.name(), c.blockSizeBytes(), c.capacityBytes(),
          v.freeBytes()));
    }
  }

  /** The migrations' host logs on these volumes. */
  public HostLogs hostLogs() {
    return hostLogs;
  }

  public StorageFabric storage() {
    return storage;
  }

  public VmfsVolume volume(DatastoreId id) {
    VmfsVolume v = volumes.get(id);
    if (v == null) {
      throw new IllegalArgumentException("no VMFS volume " + id + " is mounted");
    }
    return v;
  }

  public List<VmfsVolume> volumes() {
    return new ArrayList<>(volumes.values());
  }
}
