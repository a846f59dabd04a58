package org.svmsim.vpxa;

import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;

/** A VM the host agents manage: its name (also its directory) and the datastore it lives on. */
public record ManagedVm(VmId vm, DatastoreId home) {
  public ManagedVm {
    if (vm == null || home == null) {
      throw new IllegalArgumentException("a managed VM needs a name and a home datastore");
    }
  }

  /** The VM's directory on any volume: its name, as ESXi names it. */
  public String directory() {
    return vm.name();
  }
}
