package org.svmsim.scenario.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BandwidthTest {
  @ParameterizedTest
  @CsvSource({"200MB/s, 200000000", "9.8MiB/s, 10276045", "1GB/s, 1000000000", "512B/s, 512",
      "1.5GiB/s, 1610612736"})
  void parsesToWholeBytesPerSecond(String text, long bps) {
    assertEquals(bps, Bandwidth.parse(text).bytesPerSecond());
  }

  @ParameterizedTest
  @ValueSource(strings = {"200MB/s", "9.8MiB/s", "1GB/s", "512B/s", "1.5GiB/s", "114MB/s", "15MiB/s", "3B/s"})
  void printsAsWritten(String text) {
    assertEquals(text, Bandwidth.parse(text).toString());
  }

  @ParameterizedTest
  @CsvSource({"0.2GB/s, 200MB/s", "200000KB/s, 200MB/s", "1024KiB/s, 1MiB/s", "1000000000B/s, 1GB/s"})
  void equalRatesAreEqualAndPrintOneWay(String text, String canonical) {
    assertEquals(Bandwidth.parse(canonical), Bandwidth.parse(text));
    assertEquals(canonical, Bandwidth.parse(text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"200MB", "fast", "", "200 MB/h", "-1MB/s"})
  void rejects(String text) {
    assertThrows(BadValueException.class, () -> Bandwidth.parse(text));
  }
}
