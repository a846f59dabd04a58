package org.svmsim.scenario.unit;

import java.math.BigDecimal;
import java.util.List;

/** The byte units shared by {@link ByteSize} and {@link Bandwidth}: SI (KB = 1000 B) and IEC (KiB = 1024 B). */
final class Units {
  /** Largest first. */
  static final List<String> BINARY = List.of("EiB", "PiB", "TiB", "GiB", "MiB", "KiB");
  static final List<String> DECIMAL = List.of("EB", "PB", "TB", "GB", "MB", "KB");

  private Units() {}

  static long factor(String unit) {
    if (unit.equals("B")) {
      return 1;
    }
    int power = "KMGTPE".indexOf(unit.charAt(0)) + 1;
    long base = unit.length() == 3 ? 1024 : 1000;
    long f = 1;
    for (int i = 0; i < power; i++) {
      f *= base;
    }
    return f;
  }

  /** The largest unit of {@code units} that divides {@code bytes} exactly, as "mantissa unit"; else bytes. */
  static String[] largestExact(long bytes, List<String> units) {
    for (String u : units) {
      long f = factor(u);
      if (bytes % f == 0) {
        return new String[] {Long.toString(bytes / f), u};
      }
    }
    return new String[] {Long.toString(bytes), "B"};
  }

  /**
   * The shortest exact rendering of a possibly fractional number of bytes: the unit whose quotient has the
   * fewest significant digits, and among those the largest unit whose quotient is at least 1.
   */
  static String shortestRendering(BigDecimal bytes) {
    String best = plain(bytes) + "B";
    int bestDigits = bytes.stripTrailingZeros().precision();
    long bestFactor = 1;
    for (List<String> family : List.of(BINARY, DECIMAL)) {
      for (String u : family) {
        BigDecimal f = BigDecimal.valueOf(factor(u));
        BigDecimal q = exactQuotient(bytes, f);
        if (q == null || q.compareTo(BigDecimal.ONE) < 0) {
          continue;
        }
        int digits = q.stripTrailingZeros().precision();
        if (digits < bestDigits || (digits == bestDigits && factor(u) > bestFactor)) {
          best = plain(q) + u;
          bestDigits = digits;
          bestFactor = factor(u);
        }
      }
    }
    return best;
  }

  /** {@code a / b} when it is a terminating decimal (always, for powers of 2 and 10), else null. */
  private static BigDecimal exactQuotient(BigDecimal a, BigDecimal b) {
    try {
      return a.divide(b);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    return s.toPlainString();
  }
}
