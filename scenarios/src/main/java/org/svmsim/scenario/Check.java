package org.svmsim.scenario;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;
import org.svmsim.scenario.unit.SimDuration;

/** The field rules the scenario records share; each failure names the field and the bad value. */
final class Check {
  private Check() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw BadValueException.missing(field);
    }
    return value;
  }

  static String nonBlank(String field, String value) {
    if (present(field, value).isBlank()) {
      throw new BadValueException(field, value, "must not be empty");
    }
    return value;
  }

  /** A single line of text: no line break (a lesson is the place for a paragraph). */
  static String oneLine(String field, String value) {
    if (present(field, value).contains("\n") || value.contains("\r")) {
      throw new BadValueException(field, value, "must be one line (write the paragraph in lesson)");
    }
    return value;
  }

  static String oneOf(String field, String value, String... allowed) {
    if (!Arrays.asList(allowed).contains(present(field, value))) {
      throw new BadValueException(field, value, "expected one of " + String.join(", ", allowed));
    }
    return value;
  }

  static String matches(String field, String value, Pattern pattern, String expected) {
    if (!pattern.matcher(present(field, value)).matches()) {
      throw new BadValueException(field, value, expected);
    }
    return value;
  }

  static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new BadValueException(field, value, "must be at least " + min);
    }
    return value;
  }

  static double within(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new BadValueException(field, value, "must be within " + min + ".." + max);
    }
    return value;
  }

  /** At most {@code max} characters: {@code what} says whose limit it is. */
  static String maxLength(String field, String value, int max, String what) {
    if (present(field, value).length() > max) {
      throw new BadValueException(field, value, "is " + value.length() + " characters long; " + what
          + " has at most " + max);
    }
    return value;
  }

  /** At most {@code max}; {@code why} names the bound (the README lists them all). */
  static ByteSize atMost(String field, ByteSize value, ByteSize max, String why) {
    if (present(field, value).compareTo(max) > 0) {
      throw new BadValueException(field, value, "must be at most " + max + " (" + why + ")");
    }
    return value;
  }

  static SimDuration atMost(String field, SimDuration value, SimDuration max, String why) {
    if (present(field, value).compareTo(max) > 0) {
      throw new BadValueException(field, value, "must be at most " + max + " (" + why + ")");
    }
    return value;
  }

  static long atMost(String field, long value, long max, String why) {
    if (value > max) {
      throw new BadValueException(field, value, "must be at most " + max + " (" + why + ")");
    }
    return value;
  }

  /** A positive whole number of 512-byte sectors. */
  static ByteSize sectors(String field, ByteSize value) {
    if (present(field, value).bytes() <= 0 || value.bytes() % BlockStore.SECTOR != 0) {
      throw new BadValueException(field, value, "must be a positive multiple of 512 bytes");
    }
    return value;
  }
}
