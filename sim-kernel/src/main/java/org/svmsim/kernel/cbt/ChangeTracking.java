package org.svmsim.kernel.cbt;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.copy.dbt.DbtCopy;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * The change-tracking module: makes and removes the per-disk {@code -cbt} nodes of DBT copies. They are
 * character devices with no volume on them, so the filesystem rescan never probes them: they are kept
 * here, not in the block device registry.
 */
public final class ChangeTracking {
  private final Bus bus;
  private final Map<DeviceName, CbtFilter> filters = new LinkedHashMap<>();

  public ChangeTracking(Bus bus) {
    this.bus = bus;
  }

  /**
   * Starts tracking changes to {@code sourceFile} for a copy onto {@code destination}, for the VMX world
   * {@code world}; the device is named after the source file's handle, as {@code 88f0572-cbt}.
   */
  public CbtFilter start(WorldId world, VmfsVolume sourceVolume, VmfsFile sourceFile, BlockStore destination,
      DbtPolicy policy) {
    DeviceName name = DeviceName.of(sourceFile.handle() + "-cbt");
    if (filters.containsKey(name)) {
      throw new IllegalStateException("change tracking already runs on " + name);
    }
    String path = "/vmfs/devices/cbt/" + name;
    DbtCopy copy = new DbtCopy(sourceVolume.content(sourceFile.path()), destination, policy);
    CbtFilter f = new CbtFilter(bus, name, path, world, sourceVolume, copy);
    filters.put(name, f);
    bus.publish(new KernelEvent.ChangeTrackingStarted(world, name, sourceFile.handle(),
        policy.blockSectors() * BlockStore.SECTOR, copy.bitmapBytes()));
    return f;
  }

  /** Stops tracking and removes the device. */
  public void stop(CbtFilter f) {
    if (filters.remove(f.name()) != null) {
      bus.publish(new KernelEvent.ChangeTrackingStopped(f.owner(), f.name()));
    }
  }
}
