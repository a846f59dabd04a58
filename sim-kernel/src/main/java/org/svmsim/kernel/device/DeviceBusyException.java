package org.svmsim.kernel.device;

import org.svmsim.kernel.id.DeviceName;

/** An open refused because another world holds the device exclusively: vmkernel's "Busy". */
public final class DeviceBusyException extends Exception {
  public DeviceBusyException(DeviceName device) {
    super("Busy: " + device);
  }

  /** The status word vmkernel prints. */
  public String status() {
    return "Busy";
  }
}
