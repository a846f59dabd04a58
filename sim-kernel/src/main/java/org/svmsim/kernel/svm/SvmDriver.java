package org.svmsim.kernel.svm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.device.DeviceRegistry;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/** The SVM module: makes, runs and destroys mirror devices ({@code SVM_MakeDev}). */
public final class SvmDriver {
  private final Bus bus;
  private final DeviceRegistry devices;
  private final Map<DeviceName, SvmMirrorDevice> mirrors = new LinkedHashMap<>();

  public SvmDriver(Bus bus, DeviceRegistry devices) {
    this.bus = bus;
    this.devices = devices;
  }

  /**
   * SVM_MakeDev: a mirror of {@code primary} (the source disk) onto {@code secondary} (its copy), named
   * {@code <primary handle>-<secondary handle>-svmmirror}, for the world of the VMX that will open it.
   */
  public SvmMirrorDevice makeDevice(WorldId world, VmfsVolume sourceVolume, VmfsFile primary,
      BlockStore source, VmfsVolume destinationVolume, VmfsFile secondary, BlockStore destination) {
    DeviceName name = DeviceName.svmMirror(primary.handle(), secondary.handle());
    String path = devices.register(name, "svm", false).path();
    SvmMirrorDevice dev = new SvmMirrorDevice(bus, name, path, world, sourceVolume, source, destinationVolume,
        destination);
    mirrors.put(name, dev);
    bus.publish(new KernelEvent.SvmDeviceCreated(world, name, primary.handle(), secondary.handle()));
    return dev;
  }

  /** Logs the device's I/O statistics and removes it; the VMX must have closed it. */
  public void destroy(SvmMirrorDevice dev) {
    bus.publish(dev.stats());
    devices.unregister(dev.name());
    mirrors.remove(dev.name());
    bus.publish(new KernelEvent.SvmDeviceDestroyed(dev.owner(), dev.name()));
  }
}
