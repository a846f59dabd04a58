package org.svmsim.scenario;

import java.util.regex.Pattern;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;

/**
 * A VMFS datastore. The block size matters: the fast movers need equal block sizes on both sides, else the
 * copy falls back to fsdm. {@code array} and {@code vaai} decide whether hardware offload is possible.
 */
public record DatastoreSpec(String name, String uuid, ByteSize blockSize, ByteSize capacity, ByteSize free,
    String array, boolean vaai, PerformanceSpec performance) {
  private static final Pattern NAME = Pattern.compile("[^/\\s]([^/]*[^/\\s])?");

  public DatastoreSpec {
    Check.matches("name", name, NAME, "expected a datastore name without '/' or surrounding blanks");
    Check.maxLength("name", name, 42, "a vSphere datastore name");
    try {
      DatastoreId.of(Check.present("uuid", uuid));
    } catch (IllegalArgumentException e) {
      throw new BadValueException("uuid", uuid, "expected a VMFS uuid like 5739734e-f309ac87-4491-f8bc123449c2");
    }
    long block = Check.present("blockSize", blockSize).bytes();
    if (block < 512 || Long.bitCount(block) != 1) {
      throw new BadValueException("blockSize", blockSize, "must be a power of two like 1MiB or 8MiB");
    }
    Check.atMost("blockSize", blockSize, ByteSize.parse("8MiB"), "VMFS's largest block");
    if (Check.present("capacity", capacity).bytes() <= 0) {
      throw new BadValueException("capacity", capacity, "must be positive");
    }
    Check.atMost("capacity", capacity, ByteSize.parse("64TiB"), "VMFS's largest volume");
    if (Check.present("free", free).compareTo(capacity) > 0) {
      throw new BadValueException("free", free, "must not exceed the capacity " + capacity);
    }
    Check.nonBlank("array", array);
    Check.present("performance", performance);
  }
}
