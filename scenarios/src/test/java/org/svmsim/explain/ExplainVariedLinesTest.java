package org.svmsim.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * explain on generated real-looking lines of every layout (LineGenerator), mixed in one file with CRLF or
 * LF, a byte-order mark, tabs, runs of spaces, long lines, binary junk and cut lines: it never crashes, gives
 * one object per line, and reads every well-formed line's layout, log and module. The seed is in the
 * test's name, so a failure can be replayed.
 */
class ExplainVariedLinesTest {
  static LongStream seeds() {
    return LongStream.range(1, 25);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyWellFormedLineHasItsLayoutAndNoneIsDropped(long seed, @TempDir Path tmp) throws IOException {
    LineGenerator.Generated g = new LineGenerator(seed).file(400);
    Path f = tmp.resolve("mixed-" + seed + ".log");
    Files.write(f, g.bytes());
    Explained e = Explained.of(List.of(f));
    assertEquals(g.lines().size(), e.lines().size(), "one object per line");
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < g.lines().size(); i++) {
      LineGenerator.Line want = g.lines().get(i);
      JsonNode got = e.lines().get(i);
      assertEquals(i + 1, got.get("lineNo").asInt());
      assertTrue(got.get("note").asText().length() > 0);
      assertTrue(!got.get("note").asText().startsWith("internal error"), got.toString());
      if (want.layout() == null) {
        continue;
      }
      String where = "line " + (i + 1) + ": " + want.text();
      check(wrong, where, "layout", want.layout(), got.get("layout").asText(null));
      if (want.component() != null) {
        check(wrong, where, "component", want.component(), got.get("component").asText(null));
      }
      if (want.module() != null) {
        check(wrong, where, "module", want.module(), got.get("module").asText(null));
      }
    }
    assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())), wrong.size() + " lines misread");
  }

  private static void check(List<String> wrong, String where, String field, String want, String got) {
    if (!want.equals(got)) {
      wrong.add(where + " -> " + field + " " + got + ", expected " + want);
    }
  }
}
