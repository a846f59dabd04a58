package org.svmsim.vmx.config;

import java.util.List;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;

/** A VM as its VMX sees it: where it lives, its identity in the logs, its disks and its guest's I/O. */
public record VmConfig(VmId name, DatastoreId home, WorldId world, int pid, String uuid, int vcpus,
    long memoryBytes, String guestOs, List<DiskConfig> disks, WorkloadConfig workload) {
  public VmConfig {
    if (disks.isEmpty()) {
      throw new IllegalArgumentException("vm " + name + " has no disk");
    }
    disks = List.copyOf(disks);
  }
}
