package org.svmsim.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A device in the registry under /vmfs/devices, for instance {@code 10a80a6-819390-svmmirror}. */
public record DeviceName(String name) {
  public DeviceName {
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("bad device name '" + name + "'");
    }
  }

  @JsonCreator
  public static DeviceName of(String name) {
    return new DeviceName(name);
  }

  /** The SVM mirror device name for a primary (source) and secondary (destination) disk handle. */
  public static DeviceName svmMirror(DiskHandle primary, DiskHandle secondary) {
    return new DeviceName(primary + "-" + secondary + "-svmmirror");
  }

  @JsonValue
  @Override
  public String toString() {
    return name;
  }
}
