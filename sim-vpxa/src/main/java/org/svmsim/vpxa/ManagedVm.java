package org.svmsim.vpxa;

import java.util.List;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;

/**
 * A VM the host agents manage: its name (also its directory), the datastore it lives on, and its disks'
 * descriptor paths relative to the volume ({@code W1_2/W1_2.vmdk}).
 */
public record ManagedVm(VmId vm, DatastoreId home, List<String> diskFiles) {
  public ManagedVm {
    if (vm == null || home == null) {
      throw new IllegalArgumentException("a managed VM needs a name and a home datastore");
    }
    diskFiles = List.copyOf(diskFiles);
  }

  /** The VM's directory on any volume: its name, as ESXi names it. */
  public String directory() {
    return vm.name();
  }
}
