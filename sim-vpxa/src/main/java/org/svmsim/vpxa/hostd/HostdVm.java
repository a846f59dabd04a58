package org.svmsim.vpxa.hostd;

import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.vpxa.ManagedVm;

/**
 * One VM as hostd tracks it: its registration (vmid and .vmx path, both change when the shadow VM takes
 * over after a relocate), its state, the task in flight, and the shadow registration while a relocate runs.
 */
public final class HostdVm {
  private final ManagedVm config;
  private int hostdId;
  private DatastoreId home;
  private String vmxPath;
  private VmState state = VmState.OFF;
  private String taskId;
  private String opId = "";
  private Shadow shadow;
  private boolean powerOffPending;
  private org.svmsim.kernel.event.VmxEvent.SvmotionFinished migrationEnd;

  /** The fail-safe shadow VM's registration at the relocate's destination. */
  record Shadow(int hostdId, DatastoreId home, String vmxPath, String opId, boolean started) {
    Shadow withStarted() {
      return new Shadow(hostdId, home, vmxPath, opId, true);
    }
  }

  HostdVm(ManagedVm config, int hostdId, DatastoreId home, String vmxPath) {
    this.config = config;
    this.hostdId = hostdId;
    this.home = home;
    this.vmxPath = vmxPath;
  }

  public ManagedVm config() {
    return config;
  }

  public int hostdId() {
    return hostdId;
  }

  /** The datastore the VM runs from now. */
  public DatastoreId home() {
    return home;
  }

  public String vmxPath() {
    return vmxPath;
  }

  public VmState state() {
    return state;
  }

  /** vCenter's managed object id of the VM as vpxa names it. */
  public String moid() {
    return "vm-" + hostdId;
  }

  String taskId() {
    return taskId;
  }

  String opId() {
    return opId;
  }

  Shadow shadow() {
    return shadow;
  }

  boolean powerOffPending() {
    return powerOffPending;
  }

  void state(VmState s) {
    state = s;
  }

  void task(String id, String op) {
    taskId = id;
    opId = op;
  }

  void shadow(Shadow s) {
    shadow = s;
  }

  void powerOffPending(boolean p) {
    powerOffPending = p;
  }

  /** How the VMX ended the relocate's migration, once hostd has heard it; null before. */
  org.svmsim.kernel.event.VmxEvent.SvmotionFinished migrationEnd() {
    return migrationEnd;
  }

  void migrationEnd(org.svmsim.kernel.event.VmxEvent.SvmotionFinished e) {
    if (e == null || state == VmState.MIGRATING) {
      migrationEnd = e;
    }
  }

  /** The shadow VM becomes the VM: its vmid, home and .vmx path. */
  void adoptShadow() {
    hostdId = shadow.hostdId();
    home = shadow.home();
    vmxPath = shadow.vmxPath();
    shadow = null;
  }
}
