package org.svmsim.scenario.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({"16GiB, 17179869184", "512B, 512", "1MiB, 1048576", "4KiB, 4096", "2TiB, 2199023255552",
      "16GB, 16000000000", "512, 512", "1.5GiB, 1610612736", "0B, 0", "1KB, 1000"})
  void parses(String text, long bytes) {
    assertEquals(bytes, ByteSize.parse(text).bytes());
  }

  @ParameterizedTest
  @CsvSource({"17179869184, 16GiB", "512, 512B", "16000000000, 16GB", "1000, 1KB", "1024000, 1000KiB",
      "1536, 1536B", "0, 0B", "2199023255552, 2TiB", "33554432, 32MiB"})
  void printsTheLargestExactUnit(long bytes, String text) {
    assertEquals(text, ByteSize.ofBytes(bytes).toString());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 511, 513, 4096, 1_000_000, 17_179_869_184L, 16_000_000_000L, 123_456_789_012L})
  void roundTrips(long bytes) {
    ByteSize s = ByteSize.ofBytes(bytes);
    assertEquals(s, ByteSize.parse(s.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"16QB", "", "GiB", "-1GiB", "1.3B", "16 GiB x", "99999999999EiB", "1e3B"})
  void rejects(String text) {
    BadValueException e = assertThrows(BadValueException.class, () -> ByteSize.parse(text));
    assertTrue(e.detail().contains("\"" + text + "\""), e.getMessage());
  }
}
