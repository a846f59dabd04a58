package org.svmsim.kernel.vmfs;

import org.svmsim.kernel.id.DatastoreId;

/** A VMFS volume cannot allocate what was asked (ENOSPC). */
public final class NoSpaceException extends Exception {
  public NoSpaceException(DatastoreId volume, long asked, long free) {
    super("No space left on device: volume " + volume + " has " + free + " bytes free, " + asked
        + " needed");
  }
}
