package org.svmsim.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A VMFS file handle, printed in hex as vmkernel does ({@code 10a80a6}). */
public record DiskHandle(long value) {
  public DiskHandle {
    if (value <= 0) {
      throw new IllegalArgumentException("disk handle must be positive, was " + value);
    }
  }

  @JsonCreator
  public static DiskHandle parse(String hex) {
    try {
      return new DiskHandle(Long.parseUnsignedLong(hex, 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a hex file handle: '" + hex + "'");
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return Long.toHexString(value);
  }
}
