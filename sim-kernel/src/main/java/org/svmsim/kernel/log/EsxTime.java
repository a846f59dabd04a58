package org.svmsim.kernel.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Turns virtual time into the ISO-8601 UTC timestamps with milliseconds that every ESXi log uses
 * ({@code 2016-05-19T12:59:29.720Z}). The renderer owns the timestamp; messages never carry one.
 */
public final class EsxTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private final long startEpochMillis;
  private long cachedSecond = Long.MIN_VALUE;
  private String cachedPrefix;

  public EsxTime(long startEpochMillis) {
    this.startEpochMillis = startEpochMillis;
  }

  /** Wall-clock milliseconds since the epoch at virtual time {@code nanos}. */
  public long epochMillis(long nanos) {
    return startEpochMillis + nanos / 1_000_000L;
  }

  /** {@code 2016-05-19T12:59:29.720Z} for virtual time {@code nanos}. */
  public String format(long nanos) {
    long ms = epochMillis(nanos);
    long second = Math.floorDiv(ms, 1000);
    if (second != cachedSecond) {
      cachedSecond = second;
      cachedPrefix = SECONDS.format(Instant.ofEpochSecond(second));
    }
    int milli = (int) Math.floorMod(ms, 1000);
    StringBuilder sb = new StringBuilder(24).append(cachedPrefix).append('.');
    if (milli < 100) {
      sb.append('0');
    }
    if (milli < 10) {
      sb.append('0');
    }
    return sb.append(milli).append('Z').toString();
  }

  private static final DateTimeFormatter SYSLOG =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** {@code May 19 12:59:29}: syslog's stamp, without year or milliseconds (ESX 3.5/4.x vmkernel). */
  public String syslog(long nanos) {
    return SYSLOG.format(Instant.ofEpochMilli(epochMillis(nanos)));
  }

  /** {@code 2016-05-19 12:59:29.720}: the ESX 4.x agents' stamp, inside their bracket. */
  public String classic(long nanos) {
    String iso = format(nanos);
    return iso.substring(0, 10) + ' ' + iso.substring(11, iso.length() - 1);
  }

  public static long parseEpochMillis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }
}
