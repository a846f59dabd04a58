package org.svmsim.kernel.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.log.Statuses;

/**
 * The I/O errors datastores are suffering now, as injected faults set them: writes to a datastore, or
 * reads from it, fail until a virtual time ({@link Long#MAX_VALUE}: for good). The kernel's copy asks
 * before a chunk lands; a failed I/O completes with a vmkernel status instead of its data.
 */
public final class IoFaults {
  /**
   * The status a failed copy I/O completes with. svmsim's guess: no source shows a Storage vMotion's
   * destination write error; "IO was aborted" is the status ESXi 5.5 printed when a migration's I/O failed
   * (real-lines/vmkernel_rssing-esxi55-svmotion-maxswitchover.log).
   */
  public static final String STATUS = Statuses.IO_ABORTED;

  private final Map<DatastoreId, Long> writesFailUntil = new LinkedHashMap<>();
  private final Map<DatastoreId, Long> readsFailUntil = new LinkedHashMap<>();

  /** Writes to {@code datastore} fail until {@code untilNanos} (exclusive). */
  public void failWrites(DatastoreId datastore, long untilNanos) {
    writesFailUntil.merge(datastore, untilNanos, Math::max);
  }

  /** Reads from {@code datastore} fail until {@code untilNanos} (exclusive). */
  public void failReads(DatastoreId datastore, long untilNanos) {
    readsFailUntil.merge(datastore, untilNanos, Math::max);
  }

  /** Which side of a copy from {@code source} to {@code destination} fails at {@code now}, if any. */
  public Side failing(DatastoreId source, DatastoreId destination, long now) {
    if (now < readsFailUntil.getOrDefault(source, Long.MIN_VALUE)) {
      return Side.SOURCE_READ;
    }
    if (now < writesFailUntil.getOrDefault(destination, Long.MIN_VALUE)) {
      return Side.DESTINATION_WRITE;
    }
    return null;
  }

  /** The I/O that failed. */
  public enum Side {
    SOURCE_READ,
    DESTINATION_WRITE
  }
}
