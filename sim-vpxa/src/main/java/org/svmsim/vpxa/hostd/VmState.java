package org.svmsim.vpxa.hostd;

/** hostd's view of a VM's power state, printed as {@code VM_STATE_<name>} in its State Transition lines. */
public enum VmState {
  /** Loading the .vmx, before hostd knows the power state; only ever a "from" state. */
  INITIALIZING,
  OFF,
  POWERING_ON,
  ON,
  /** A relocate (Storage vMotion) owns the VM; power operations wait for it. */
  MIGRATING,
  POWERING_OFF;

  /** The name hostd prints. */
  public String esxName() {
    return "VM_STATE_" + name();
  }
}
