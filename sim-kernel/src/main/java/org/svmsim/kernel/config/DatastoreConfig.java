package org.svmsim.kernel.config;

import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.perf.DatastorePerformance;

/**
 * One VMFS datastore. {@code array} names the storage array behind it: hardware offload (VAAI XCOPY) is
 * possible only between datastores of one array that both support it.
 */
public record DatastoreConfig(String name, DatastoreId uuid, long blockSizeBytes, long capacityBytes,
    long freeBytes, String array, boolean vaai, DatastorePerformance performance) {
  public DatastoreConfig {
    if (blockSizeBytes <= 0 || Long.bitCount(blockSizeBytes) != 1) {
      throw new IllegalArgumentException("datastore " + name + ": block size must be a power of two, was "
          + blockSizeBytes);
    }
    if (freeBytes < 0 || freeBytes > capacityBytes) {
      throw new IllegalArgumentException("datastore " + name + ": free space " + freeBytes
          + " is not within the capacity " + capacityBytes);
    }
  }
}
