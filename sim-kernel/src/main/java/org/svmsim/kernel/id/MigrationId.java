package org.svmsim.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A migration's id as vmkernel prints it: a 16-digit decimal number (DOMAIN.md section 4). */
public record MigrationId(long value) {
  public MigrationId {
    if (value <= 0) {
      throw new IllegalArgumentException("migration id must be positive, was " + value);
    }
  }

  @JsonCreator
  public static MigrationId parse(String decimal) {
    try {
      return new MigrationId(Long.parseLong(decimal));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a migration id: '" + decimal + "'");
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
