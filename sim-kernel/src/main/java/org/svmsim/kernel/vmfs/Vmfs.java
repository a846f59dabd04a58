package org.svmsim.kernel.vmfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;

/** The mounted VMFS volumes, by UUID, in mount order. */
public final class Vmfs {
  private final Bus bus;
  private final SimRandom random;
  private final Map<DatastoreId, VmfsVolume> volumes = new LinkedHashMap<>();

  public Vmfs(Bus bus, SimRandom random) {
    this.bus = bus;
    this.random = random;
  }

  public VmfsVolume mount(DatastoreConfig config) {
    if (volumes.containsKey(config.uuid())) {
      throw new IllegalStateException("volume " + config.uuid() + " is already mounted");
    }
    VmfsVolume v = new VmfsVolume(bus, random.split("vmfs/" + config.uuid()), config);
    volumes.put(config.uuid(), v);
    bus.publish(new KernelEvent.VolumeMounted(config.uuid(), config.name(), config.blockSizeBytes(),
        config.capacityBytes(), config.freeBytes()));
    return v;
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
