package org.svmsim.scenario.unit;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.svmsim.kernel.storage.BlockStore;

/**
 * A number of bytes written the way people write it: {@code 16GiB}, {@code 512B}, {@code 16GB} (= 16e9).
 * A bare integer is bytes. Printed with the largest exact binary unit, or a decimal one when that is
 * shorter ({@code 16GB} rather than {@code 15625000KiB}), so that printing and parsing round-trip.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTPE]i?B|B)?");
  private static final String EXPECTED = "expected a size like 16GiB, 512B or 16GB";

  public ByteSize {
    if (bytes < 0) {
      throw BadValueException.of(bytes + "B", "a size must not be negative");
    }
  }

  public static ByteSize ofBytes(long bytes) {
    return new ByteSize(bytes);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ByteSize parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw BadValueException.of(text, EXPECTED);
    }
    long unit = m.group(2) == null ? 1 : Units.factor(m.group(2));
    BigDecimal amount = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
    try {
      return new ByteSize(amount.longValueExact());
    } catch (ArithmeticException e) {
      throw BadValueException.of(text, "not a whole number of bytes, or too large");
    }
  }

  /** Whole 512-byte sectors; callers validate divisibility first. */
  public long sectors() {
    return bytes / BlockStore.SECTOR;
  }

  @Override
  public int compareTo(ByteSize o) {
    return Long.compare(bytes, o.bytes);
  }

  @JsonValue
  @Override
  public String toString() {
    if (bytes == 0) {
      return "0B";
    }
    String[] binary = Units.largestExact(bytes, Units.BINARY);
    String[] decimal = Units.largestExact(bytes, Units.DECIMAL);
    // Binary unless a decimal unit gives a strictly smaller number (16GB, not 15625000KiB).
    String[] best = Long.parseLong(decimal[0]) < Long.parseLong(binary[0]) ? decimal : binary;
    return best[0] + best[1];
  }
}
