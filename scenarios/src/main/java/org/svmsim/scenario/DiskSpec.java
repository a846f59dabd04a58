package org.svmsim.scenario;

import java.util.regex.Pattern;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;

/**
 * A virtual disk. {@code handle} and {@code destinationHandle} pin its VMFS file handles (hex, as the
 * mirror device's name shows them) to reproduce a real log; empty means the simulation draws them.
 * Handles are kept in vmkernel's spelling (lower case, no leading zeros) so that equal handles compare equal.
 */
public record DiskSpec(ByteSize size, String provisioning, String handle, String destinationHandle) {
  private static final Pattern HEX = Pattern.compile("|[0-9a-fA-F]{1,15}");
  private static final String EXPECTED = "expected a hex file handle like 10a80a6, or \"\" to draw one";

  public DiskSpec {
    Check.sectors("size", size);
    Check.atMost("size", size, ByteSize.parse("62TiB"), "VMFS's largest virtual disk");
    Check.oneOf("provisioning", provisioning, "thick", "thin");
    handle = canonical("handle", handle);
    destinationHandle = canonical("destinationHandle", destinationHandle);
  }

  public boolean thin() {
    return provisioning.equals("thin");
  }

  private static String canonical(String field, String hex) {
    Check.matches(field, hex, HEX, EXPECTED);
    if (hex.isEmpty()) {
      return hex;
    }
    long value = Long.parseLong(hex, 16);
    if (value == 0) {
      throw new BadValueException(field, hex, "a file handle must not be zero");
    }
    return Long.toHexString(value);
  }
}
