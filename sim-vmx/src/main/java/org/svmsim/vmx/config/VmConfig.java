package org.svmsim.vmx.config;

import java.util.List;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;

/**
 * A VM as its VMX sees it: where it lives, its identity in the logs, its disks and its guest's I/O.
 * {@code bootNanos} is the time from power-on to a running guest, or {@link #BOOT_DRAWN} for a time drawn
 * from the VM's seeded stream at each power-on.
 */
public record VmConfig(VmId name, DatastoreId home, WorldId world, int pid, String uuid, int vcpus,
    long memoryBytes, String guestOs, List<DiskConfig> disks, WorkloadConfig workload, long bootNanos) {
  public static final long BOOT_DRAWN = -1;

  public VmConfig {
    if (disks.isEmpty()) {
      throw new IllegalArgumentException("vm " + name + " has no disk");
    }
    if (bootNanos < 0 && bootNanos != BOOT_DRAWN) {
      throw new IllegalArgumentException("vm " + name + ": bootNanos must be >= 0 or BOOT_DRAWN, was " + bootNanos);
    }
    disks = List.copyOf(disks);
  }

  /** A VM whose boot time is drawn at each power-on. */
  public VmConfig(VmId name, DatastoreId home, WorldId world, int pid, String uuid, int vcpus,
      long memoryBytes, String guestOs, List<DiskConfig> disks, WorkloadConfig workload) {
    this(name, home, world, pid, uuid, vcpus, memoryBytes, guestOs, disks, workload, BOOT_DRAWN);
  }
}
