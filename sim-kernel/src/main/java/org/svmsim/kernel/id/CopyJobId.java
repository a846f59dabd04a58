package org.svmsim.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A kernel copy job (one disk's copy, any number of passes): its progress events are keyed by it. */
public record CopyJobId(int value) {
  public CopyJobId {
    if (value <= 0) {
      throw new IllegalArgumentException("copy job id must be positive, was " + value);
    }
  }

  @JsonCreator
  public static CopyJobId of(int value) {
    return new CopyJobId(value);
  }

  @JsonValue
  public int json() {
    return value;
  }

  @Override
  public String toString() {
    return "copy-" + value;
  }
}
