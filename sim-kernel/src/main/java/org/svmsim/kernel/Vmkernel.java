package org.svmsim.kernel;

import java.util.List;
import org.svmsim.kernel.cbt.ChangeTracking;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.redo.RedoLogs;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.copy.CopyJobs;
import org.svmsim.kernel.device.DeviceRegistry;
import org.svmsim.kernel.fault.KernelFaults;
import org.svmsim.kernel.fsr.Switchovers;
import org.svmsim.kernel.perf.StorageFabric;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.svm.SvmDriver;
import org.svmsim.kernel.vmfs.Rescanner;
import org.svmsim.kernel.vmfs.Vmfs;

/** The simulated vmkernel of one host: its devices, VMFS volumes, the SVM driver, the copy jobs and the rescan. */
public final class Vmkernel {
  private final DeviceRegistry devices;
  private final Vmfs vmfs;
  private final SvmDriver svm;
  private final Rescanner rescanner;
  private final Switchovers switchovers;
  private final CopyJobs copies;
  private final ChangeTracking cbt;
  private final RedoLogs redoLogs;

  /** A host on the run's {@code storage}, mounting {@code datastores} from it. */
  public Vmkernel(Bus bus, SimRandom random, HostConfig host, StorageFabric storage,
      List<DatastoreConfig> datastores) {
    this(bus, random, host, new Vmfs(bus, random.split("vmfs"), storage));
    datastores.forEach(vmfs::mount);
  }

  /**
   * The kernel of a host that booted again on {@code bus}: a new kernel (no device, copy job or snapshot
   * of the one that crashed survives) over the volumes the crashed one had mounted, {@code vmfs}, remounted.
   */
  public static Vmkernel boot(Bus bus, SimRandom random, HostConfig host, Vmfs vmfs) {
    vmfs.remount(bus);
    return new Vmkernel(bus, random, host, vmfs);
  }

  private Vmkernel(Bus bus, SimRandom random, HostConfig host, Vmfs vmfs) {
    this.devices = new DeviceRegistry(bus);
    this.vmfs = vmfs;
    this.svm = new SvmDriver(bus, devices);
    this.rescanner = new Rescanner(bus, random.split("rescan"), host, devices);
    this.switchovers = new Switchovers(bus, random.split("fsr"));
    this.copies = new CopyJobs(bus);
    new KernelFaults(bus, random.split("faults"), vmfs);
    this.cbt = new ChangeTracking(bus);
    this.redoLogs = new RedoLogs(bus);
  }

  /** A host alone on its own storage fabric (tests). */
  public Vmkernel(Bus bus, SimRandom random, HostConfig host, List<DatastoreConfig> datastores) {
    this(bus, random, host, new StorageFabric(bus), datastores);
  }

  /** Starts the kernel's own timers. */
  public void start() {
    rescanner.start();
  }

  public DeviceRegistry devices() {
    return devices;
  }

  public Vmfs vmfs() {
    return vmfs;
  }

  public SvmDriver svm() {
    return svm;
  }

  public Switchovers switchovers() {
    return switchovers;
  }

  /** Change tracking for dirty-block-tracking copies. */
  public ChangeTracking cbt() {
    return cbt;
  }

  /** Snapshots (redo logs) for snapshot-based copies. */
  public RedoLogs redoLogs() {
    return redoLogs;
  }

  /** The disk copies: jobs with their own ids, any number of passes. */
  public CopyJobs copies() {
    return copies;
  }
}
