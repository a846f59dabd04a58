package org.svmsim.vmx.svmotion;

import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * The SVMotion phases of the VMX, as vmware.log numbers them ({@code SVMotion: Enter Phase N}). Only
 * phase 8, the mirrored disk copy, is public (seed); the others are svmsim's reading of the flow of
 * DOMAIN.md section 2, and {@code next} is how long each takes before the next one starts. Every method
 * goes through the same numbers; phases 6 to 8 are what each method does in its own way.
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

  /** The mirror's description of the phase (the seed's method). */
  public String description() {
    return description;
  }

  /** What the phase does under {@code method}. */
  public String description(Method method) {
    return switch (method) {
      case MIRROR -> description;
      case DBT -> switch (this) {
        case START_MIRROR -> "start change tracking on the source disks";
        case REOPEN_THROUGH_MIRROR -> "reopen the disks through the change tracking filter";
        case DISK_COPY -> "iterative copy of the dirty blocks";
        case SWITCHOVER -> "stun, copy the last dirty blocks, check, fast suspend/resume";
        case TEARDOWN -> "stop change tracking";
        default -> description;
      };
      case SNAPSHOT -> switch (this) {
        case START_MIRROR -> "take a snapshot: the source disks become read-only under redo logs";
        case REOPEN_THROUGH_MIRROR -> "reopen the disks on their redo-log chains";
        case DISK_COPY -> "copy the parents, re-parent the redo logs, consolidate";
        case SWITCHOVER -> "stun, consolidate the last redo logs, check, fast suspend/resume";
        case TEARDOWN -> "close the redo-log chains";
        default -> description;
      };
    };
  }

  /** Virtual nanoseconds from entering this phase to entering the next, when the phase does not wait. */
  public long next() {
    return next;
  }

  public static Phase of(int number) {
    return values()[number - 1];
  }
}
