package org.svmsim.kernel.device;

import org.svmsim.kernel.id.DeviceName;

/** An open refused because another world holds the device exclusively: vmkernel's "Busy". */
public final class DeviceBusyException extends Exception {
  /** The status word vmkernel prints. */
  public static final String STATUS = "Busy";

  public DeviceBusyException(DeviceName device) {
    super(STATUS + ": " + device);
  }

  public String status() {
    return STATUS;
  }
}
