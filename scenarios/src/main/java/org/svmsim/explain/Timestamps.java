package org.svmsim.explain;

/**
 * The timestamps ESXi logs start with, read by hand (this runs on every line): ISO-8601 with {@code Z}
 * or an offset and any fraction ({@code 2016-05-19T12:59:29.720Z}, {@code 2020-02-11T23:01:42.338+01:00},
 * also with a space for the T as ESX 4.x agents print it), syslog's {@code Mon DD HH:MM:SS} (no year: read
 * as 1970, so it orders only against other syslog stamps), and the placeholders KB articles print
 * ({@code [YYYY-MM-DDTHH:MM:SS]}, {@code <YYYY-MM-DD>T<TIME>.623Z}), which have no time at all.
 */
final class Timestamps {
  /** The time of a line that has none, or a placeholder. */
  static final long NONE = Long.MIN_VALUE;
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private Timestamps() {}

  /** The last ISO stamp read and its second, per reader: lines of one second share the parse. */
  static final class Cache {
    String text;
    int at = -1;
    long secondMillis;
  }

  /** As {@link #iso(String, int, long[])}, reusing the previous stamp's date and second when they repeat. */
  static int iso(String s, int at, long[] out, Cache cache) {
    if (cache.text != null && at == cache.at && s.length() >= at + 19 && s.regionMatches(at, cache.text, at, 19)) {
      return fraction(s, at + 19, cache.secondMillis, out);
    }
    int e = iso(s, at, out);
    if (e > 0) {
      cache.text = s;
      cache.at = at;
      cache.secondMillis = seconds(s, at);
    }
    return e;
  }

  private static long seconds(String s, int at) {
    return (days(num(s, at, 4), num(s, at + 5, 2), num(s, at + 8, 2)) * 86400L + num(s, at + 11, 2) * 3600L
        + num(s, at + 14, 2) * 60L + num(s, at + 17, 2)) * 1000L;
  }

  /** Where an ISO timestamp starting at {@code at} ends, or -1; its time goes to {@code out[0]}. */
  static int iso(String s, int at, long[] out) {
    int n = s.length();
    if (at + 19 > n || !digits(s, at, 4) || s.charAt(at + 4) != '-' || !digits(s, at + 5, 2)
        || s.charAt(at + 7) != '-' || !digits(s, at + 8, 2) || (s.charAt(at + 10) != 'T' && s.charAt(at + 10) != ' ')
        || !digits(s, at + 11, 2) || s.charAt(at + 13) != ':' || !digits(s, at + 14, 2) || s.charAt(at + 16) != ':'
        || !digits(s, at + 17, 2)) {
      return -1;
    }
    return fraction(s, at + 19, seconds(s, at), out);
  }

  /** The fraction and zone after the seconds at {@code i}. */
  private static int fraction(String s, int i, long millis, long[] out) {
    int n = s.length();
    if (i < n && s.charAt(i) == '.') {
      int f = ++i;
      int frac = 0;
      while (i < n && Character.isDigit(s.charAt(i))) {
        if (i - f < 3) {
          frac = frac * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      for (int k = i - f; k < 3; k++) {
        frac *= 10;
      }
      millis += frac;
    }
    if (i < n && s.charAt(i) == 'Z') {
      i++;
    } else if (i + 5 <= n && (s.charAt(i) == '+' || s.charAt(i) == '-') && digits(s, i + 1, 2)) {
      int sign = s.charAt(i) == '+' ? -1 : 1;
      int hh = num(s, i + 1, 2);
      int j = i + 3;
      if (j < n && s.charAt(j) == ':') {
        j++;
      }
      if (digits(s, j, 2)) {
        millis += sign * (hh * 60L + num(s, j, 2)) * 60_000L;
        i = j + 2;
      }
    }
    out[0] = millis;
    return i;
  }

  /** Where a syslog {@code Mon DD HH:MM:SS} starting at {@code at} ends, or -1. */
  static int syslog(String s, int at, long[] out) {
    if (at + 15 > s.length()) {
      return -1;
    }
    int m = MONTHS.indexOf(s.substring(at, at + 3));
    if (m < 0 || m % 3 != 0 || s.charAt(at + 3) != ' ') {
      return -1;
    }
    char d0 = s.charAt(at + 4);
    if (!(d0 == ' ' || Character.isDigit(d0)) || !Character.isDigit(s.charAt(at + 5)) || s.charAt(at + 6) != ' '
        || !digits(s, at + 7, 2) || s.charAt(at + 9) != ':' || !digits(s, at + 10, 2) || s.charAt(at + 12) != ':'
        || !digits(s, at + 13, 2)) {
      return -1;
    }
    int day = (d0 == ' ' ? 0 : d0 - '0') * 10 + (s.charAt(at + 5) - '0');
    out[0] = (days(1970, m / 3 + 1, day) * 86400L + num(s, at + 7, 2) * 3600L + num(s, at + 10, 2) * 60L
        + num(s, at + 13, 2)) * 1000L;
    return at + 15;
  }

  /**
   * Where a KB's placeholder timestamp starting at {@code at} ends, or -1: a token of letters such as
   * YYYY, MM, DD, TIME, digits and {@code -:.T<>[]Z}, that holds {@code YYYY}.
   */
  static int placeholder(String s, int at) {
    int n = s.length();
    int i = at;
    while (i < n && "YMDTHSIEmsxX0123456789-:.<>[]Z".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i > at + 4 && s.substring(at, i).contains("YYYY") ? i : -1;
  }

  /** {@code millis} as ISO-8601 UTC ({@code 2016-05-19T12:59:29.720Z}); syslog stamps read as 1970. */
  static String iso(long millis) {
    return java.time.Instant.ofEpochMilli(millis).toString();
  }

  private static boolean digits(String s, int at, int count) {
    if (at + count > s.length()) {
      return false;
    }
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  /** Days from 1970-01-01 to the date (proleptic Gregorian; Howard Hinnant's days_from_civil). */
  static long days(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
