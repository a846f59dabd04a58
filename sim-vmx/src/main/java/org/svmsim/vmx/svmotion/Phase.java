package org.svmsim.vmx.svmotion;

import org.svmsim.kernel.sim.VirtualTime;

/**
 * The SVMotion phases of the VMX, as vmware.log numbers them ({@code SVMotion: Enter Phase N}). Only
 * phase 8, the mirrored disk copy, is public (seed); the others are svmsim's reading of the flow of
 * DOMAIN.md section 2, and {@code next} is how long each takes before the next one starts.
 */
public enum Phase {
  PREPARE(1, "check the destination and the method", 2 * VirtualTime.MILLISECOND),
  QUERY_DISKS(2, "query the source disks", 3 * VirtualTime.MILLISECOND),
  CREATE_DESTINATION(3, "create the destination disks", 40 * VirtualTime.MILLISECOND),
  CONNECT_SHADOW(4, "connect to the shadow VM", 5 * VirtualTime.MILLISECOND),
  OPEN_DESTINATION(5, "open the destination disks", 4 * VirtualTime.MILLISECOND),
  START_MIRROR(6, "make the SVM mirror devices", 1 * VirtualTime.MILLISECOND),
  REOPEN_THROUGH_MIRROR(7, "reopen the disks through the mirror nodes", 2 * VirtualTime.MILLISECOND),
  DISK_COPY(8, "mirrored disk copy", 0),
  SWITCHOVER(9, "stun, check, fast suspend/resume onto the shadow VM", 0),
  TEARDOWN(10, "close and destroy the mirror devices", 3 * VirtualTime.MILLISECOND),
  FINISH(11, "report to the host agent", 0);

  private final int number;
  private final String description;
  private final long next;

  Phase(int number, String description, long next) {
    this.number = number;
    this.description = description;
    this.next = next;
  }

  public int number() {
    return number;
  }

  public String description() {
    return description;
  }

  /** Virtual nanoseconds from entering this phase to entering the next, when the phase does not wait. */
  public long next() {
    return next;
  }

  public static Phase of(int number) {
    return values()[number - 1];
  }
}
