package org.svmsim.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A VM by its display name, which is also its directory name on the datastore ({@code W1_2}). */
public record VmId(String name) {
  public VmId {
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("bad VM name '" + name + "'");
    }
  }

  @JsonCreator
  public static VmId of(String name) {
    return new VmId(name);
  }

  @JsonValue
  @Override
  public String toString() {
    return name;
  }
}
