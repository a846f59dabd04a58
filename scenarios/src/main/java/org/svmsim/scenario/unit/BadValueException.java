package org.svmsim.scenario.unit;

/**
 * A value that does not parse or does not satisfy its field's rule. It keeps the field (relative to the
 * record that rejected it, or a full path when thrown by whole-scenario checks), the bad value and what
 * was expected, so that the command line can print {@code field: bad value "x": expected}.
 */
public final class BadValueException extends IllegalArgumentException {
  private final String field;
  private final String value;
  private final String expected;

  /** {@code field} may be empty when the value is rejected by its own type (a size, a duration). */
  public BadValueException(String field, Object value, String expected) {
    this(field, String.valueOf(value), expected);
  }

  private BadValueException(String field, String value, String expected) {
    super(prefix(field) + detail(value, expected));
    this.field = field == null ? "" : field;
    this.value = value;
    this.expected = expected;
  }

  /** A value rejected by its own type, before anyone knows which field it fills. */
  public static BadValueException of(Object value, String expected) {
    return new BadValueException("", value, expected);
  }

  /** A required field that has no value. */
  public static BadValueException missing(String field) {
    return new BadValueException(field, (String) null, "this field is required");
  }

  public String field() {
    return field;
  }

  /** The message without the field: {@code bad value "x": expected ...}. */
  public String detail() {
    return detail(value, expected);
  }

  /** The same complaint about the value as the user spelled it ({@code 1000B}, not {@code 1KB}). */
  public String detail(String spelledValue) {
    return detail(value == null ? null : spelledValue, expected);
  }

  /** Line breaks in a value are shown escaped, so that an error stays one line. */
  private static String detail(String value, String expected) {
    if (value == null) {
      return "missing: " + expected;
    }
    // A value of thousands of characters would drown the line: its start and its length say enough.
    String shown = value.length() <= 100 ? value : value.substring(0, 60) + "... (" + value.length() + " characters)";
    return "bad value \"" + shown.replace("\r", "\\r").replace("\n", "\\n") + "\": " + expected;
  }

  private static String prefix(String field) {
    return field == null || field.isEmpty() ? "" : field + ": ";
  }
}
