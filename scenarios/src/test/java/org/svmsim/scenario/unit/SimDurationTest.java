package org.svmsim.scenario.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimDurationTest {
  @ParameterizedTest
  @CsvSource({"27m51s, 1671000000000", "1h, 3600000000000", "250ms, 250000000", "300us, 300000",
      "1.5s, 1500000000", "0s, 0", "0, 0", "19m25.159s, 1165159000000", "1h2m3s, 3723000000000",
      "7ns, 7", "1.5ms, 1500000", "100s, 100000000000"})
  void parses(String text, long nanos) {
    assertEquals(nanos, SimDuration.parse(text).nanos());
  }

  @ParameterizedTest
  @CsvSource({"1671000000000, 27m51s", "62500000000, 1m2.5s", "250000000, 250ms", "3600000000000, 1h",
      "0, 0s", "300000, 300us", "7, 7ns", "1500000000, 1.5s", "3605000000000, 1h5s",
      "1165159000000, 19m25.159s", "1000000001, 1.000000001s", "100000000000, 1m40s"})
  void printsCanonically(long nanos, String text) {
    assertEquals(text, SimDuration.ofNanos(nanos).toString());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 999, 1_000_000, 59_999_999_999L, 60_000_000_000L, 86_400_000_000_000L, 3_723_000_000_001L})
  void roundTrips(long nanos) {
    SimDuration d = SimDuration.ofNanos(nanos);
    assertEquals(d, SimDuration.parse(d.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "1x", "m", "1.5ns", "-1s", "1h 2m", "s1", "1d"})
  void rejects(String text) {
    assertThrows(BadValueException.class, () -> SimDuration.parse(text));
  }
}
