package org.svmsim.scenario.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of virtual time in whole nanoseconds, written {@code 27m51s}, {@code 1h}, {@code 250ms},
 * {@code 300us} or {@code 1.5s}. Printed canonically: hours, minutes and (fractional) seconds from one
 * second up ({@code 1m2.5s}), else the largest exact sub-second unit ({@code 250ms}).
 */
public record SimDuration(long nanos) implements Comparable<SimDuration> {
  public static final SimDuration ZERO = new SimDuration(0);
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|h|m|s)");
  private static final Map<String, Long> UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
      "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final long SECOND = 1_000_000_000L;
  private static final String EXPECTED = "expected a duration like 27m51s, 1h, 1.5s, 250ms or 300us";

  public SimDuration {
    if (nanos < 0) {
      throw BadValueException.of(nanos + "ns", "a duration must not be negative");
    }
  }

  public static SimDuration ofNanos(long nanos) {
    return new SimDuration(nanos);
  }

  public static SimDuration ofMillis(long millis) {
    return new SimDuration(Math.multiplyExact(millis, 1_000_000L));
  }

  public static SimDuration ofSeconds(long seconds) {
    return new SimDuration(Math.multiplyExact(seconds, SECOND));
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SimDuration parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.equals("0")) {
      return ZERO;
    }
    Matcher m = PART.matcher(s);
    BigDecimal total = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length() && m.find(at) && m.start() == at) {
      total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT.get(m.group(2)))));
      at = m.end();
    }
    if (at == 0 || at != s.length()) {
      throw BadValueException.of(text, EXPECTED);
    }
    try {
      return new SimDuration(total.longValueExact());
    } catch (ArithmeticException e) {
      throw BadValueException.of(text, "finer than a nanosecond, or too long");
    }
  }

  public SimDuration plus(SimDuration other) {
    return new SimDuration(Math.addExact(nanos, other.nanos));
  }

  @Override
  public int compareTo(SimDuration o) {
    return Long.compare(nanos, o.nanos);
  }

  @JsonValue
  @Override
  public String toString() {
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < SECOND) {
      if (nanos % 1_000_000L == 0) {
        return nanos / 1_000_000L + "ms";
      }
      return nanos % 1_000L == 0 ? nanos / 1_000L + "us" : nanos + "ns";
    }
    long seconds = nanos / SECOND;
    StringBuilder b = new StringBuilder();
    if (seconds >= 3600) {
      b.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      b.append(seconds % 3600 / 60).append('m');
    }
    BigDecimal rest = BigDecimal.valueOf(nanos % (60 * SECOND)).movePointLeft(9);
    if (rest.signum() != 0) {
      b.append(Units.plain(rest)).append('s');
    }
    return b.toString();
  }
}
