package org.svmsim.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A vmkernel world (thread) id, as printed after {@code cpuN:} in vmkernel.log. */
public record WorldId(int value) {
  public WorldId {
    if (value <= 0) {
      throw new IllegalArgumentException("world id must be positive, was " + value);
    }
  }

  @JsonCreator
  public static WorldId of(int value) {
    return new WorldId(value);
  }

  @JsonValue
  public int json() {
    return value;
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
