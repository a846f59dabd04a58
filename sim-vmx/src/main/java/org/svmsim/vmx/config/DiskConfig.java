package org.svmsim.vmx.config;

import org.svmsim.kernel.id.DiskHandle;

/**
 * One virtual disk: {@code handle} is its VMFS file handle on the source, {@code destinationHandle} the
 * handle its copy gets (pinned to reproduce a real log; otherwise drawn). {@code fileName} is the vmdk's
 * name in the VM's directory ({@code W1_2.vmdk}, {@code W1_2_1.vmdk}, ...).
 */
public record DiskConfig(String fileName, long capacitySectors, boolean thin, DiskHandle handle,
    DiskHandle destinationHandle) {
  public DiskConfig {
    if (capacitySectors <= 0) {
      throw new IllegalArgumentException("disk " + fileName + ": capacity must be positive");
    }
  }
}
