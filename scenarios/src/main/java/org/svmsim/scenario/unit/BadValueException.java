package org.svmsim.scenario.unit;

/**
 * A value that does not parse or does not satisfy its field's rule. It keeps the field (relative to the
 * record that rejected it, or a full path when thrown by whole-scenario checks), the bad value as the user
 * wrote it, and what was expected, so that the command line can print {@code field: bad value "x": expected}.
 */
public final class BadValueException extends IllegalArgumentException {
  private final String field;
  private final String detail;

  /** {@code field} may be empty when the value is rejected by its own type (a size, a duration). */
  public BadValueException(String field, Object value, String expected) {
    this(field, "bad value \"" + value + "\": " + expected);
  }

  private BadValueException(String field, String detail) {
    super(field == null || field.isEmpty() ? detail : field + ": " + detail);
    this.field = field == null ? "" : field;
    this.detail = detail;
  }

  /** A value rejected by its own type, before anyone knows which field it fills. */
  public static BadValueException of(Object value, String expected) {
    return new BadValueException("", value, expected);
  }

  /** A required field that has no value. */
  public static BadValueException missing(String field) {
    return new BadValueException(field, "missing: this field is required");
  }

  public String field() {
    return field;
  }

  /** The message without the field: {@code bad value "x": expected ...}. */
  public String detail() {
    return detail;
  }
}
