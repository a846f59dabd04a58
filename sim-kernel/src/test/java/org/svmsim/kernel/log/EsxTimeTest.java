package org.svmsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EsxTimeTest {
  private final EsxTime time = new EsxTime(EsxTime.parseEpochMillis("2016-05-19T12:59:29.000Z"));

  @Test
  void padsMillisecondsAndTruncatesNanos() {
    assertEquals("2016-05-19T12:59:29.000Z", time.format(999_999));
    assertEquals("2016-05-19T12:59:29.007Z", time.format(7_000_000));
    assertEquals("2016-05-19T12:59:29.720Z", time.format(720_500_000));
    assertEquals("2016-05-19T12:59:30.001Z", time.format(1_001_000_000));
  }

  @Test
  void crossesSecondsAfterTheCachedOne() {
    assertEquals("2016-05-19T13:27:20.668Z", time.format((27 * 60 + 51) * 1_000_000_000L + 668_000_000));
    assertEquals("2016-05-19T12:59:29.720Z", time.format(720_000_000));
  }
}
