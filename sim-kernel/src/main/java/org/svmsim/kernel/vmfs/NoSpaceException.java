package org.svmsim.kernel.vmfs;

import org.svmsim.kernel.id.DatastoreId;

/** A VMFS volume cannot allocate what was asked (ENOSPC). */
public final class NoSpaceException extends Exception {
  /** vmkernel's status word for it. */
  public static final String STATUS = "No space left on device";

  public NoSpaceException(DatastoreId volume, long asked, long free) {
    super(STATUS + ": volume " + volume + " has " + free + " bytes free, " + asked + " needed");
  }
}
