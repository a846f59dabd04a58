package org.svmsim.scenario.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data rate, {@code 200MB/s} or {@code 9.8MiB/s}. Kept as an exact decimal number of bytes per second so
 * that a fractional rate prints back as written; {@link #bytesPerSecond()} rounds it for the simulation.
 */
public record Bandwidth(BigDecimal exactBytesPerSecond) implements Comparable<Bandwidth> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTPE]i?B|B)/s");
  private static final String EXPECTED = "expected a rate like 200MB/s or 9.8MiB/s";

  public Bandwidth {
    if (exactBytesPerSecond.signum() < 0) {
      throw BadValueException.of(exactBytesPerSecond + "B/s", "a rate must not be negative");
    }
    // One representation per value, so that 200MB/s equals 0.2GB/s.
    exactBytesPerSecond = exactBytesPerSecond.stripTrailingZeros();
  }

  public static Bandwidth ofBytesPerSecond(long bytesPerSecond) {
    return new Bandwidth(BigDecimal.valueOf(bytesPerSecond));
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Bandwidth parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw BadValueException.of(text, EXPECTED);
    }
    BigDecimal unit = BigDecimal.valueOf(Units.factor(m.group(2)));
    return new Bandwidth(new BigDecimal(m.group(1)).multiply(unit));
  }

  /** Whole bytes per second, rounded half up, as the kernel's performance model takes them. */
  public long bytesPerSecond() {
    return exactBytesPerSecond.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  @Override
  public int compareTo(Bandwidth o) {
    return exactBytesPerSecond.compareTo(o.exactBytesPerSecond);
  }

  @JsonValue
  @Override
  public String toString() {
    return Units.shortestRendering(exactBytesPerSecond) + "/s";
  }
}
