package org.svmsim.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.svmsim.cli.Main;

/**
 * explain on svmsim's own four logs: every line is recognised, and the summary agrees with summary.json
 * on the outcome, the failure reason, the migration time and the downtime (within 1 ms). big-disk is left
 * to benchmarks/speed.sh: it takes a minute.
 */
class ExplainOwnLogsTest {
  @TempDir
  static Path tmp;

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("seed", List.of()),
        Arguments.of("quick", List.of()),
        Arguments.of("quick", List.of("--set", "host.version=8.0.2")),
        Arguments.of("quick", List.of("--set", "host.version=5.0.0", "--seed", "3")),
        Arguments.of("quick", List.of("--set", "datastores.1.performance.bandwidth=3MB/s",
            "--set", "timeline.1.options.maxSwitchover=1s")),
        Arguments.of("quick", List.of("--set", "datastores.1.free=600MiB")));
  }

  @ParameterizedTest
  @MethodSource("runs")
  void theSummaryAgreesWithSummaryJson(String scenario, List<String> extra) throws IOException {
    Path out = tmp.resolve(scenario + "-" + String.join("_", extra).replaceAll("[^A-Za-z0-9_.]", ""));
    List<String> args = new ArrayList<>(List.of("run", scenario, "--out", out.toString()));
    args.addAll(extra);
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new)),
        err.toString());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<Path> logs = new ArrayList<>();
    for (JsonNode l : summary.get("logs")) {
      logs.add(out.resolve(l.asText()));
    }
    Explained e = Explained.of(logs);
    assertEquals(List.of(), e.unexplained());
    long lines = 0;
    for (Path l : logs) {
      lines += Files.readAllLines(l).size();
    }
    assertEquals(lines, e.lines().size());
    JsonNode s = e.summary();
    assertEquals(summary.get("outcome").asText(), s.get("outcome").asText(), s.toString());
    assertEquals(summary.get("failureReason").asText(), s.get("failureReason").asText());
    assertEquals(summary.get("migrationTimeMs").asDouble(), s.get("migrationTimeMs").asDouble(), 1.0);
    assertEquals(summary.get("downtimeMs").asDouble(), s.get("downtimeMs").asDouble(), 1.0);
    JsonNode m = s.get("migrations").get(0);
    assertEquals(1, s.get("migrations").size(), s.toString());
    assertEquals(summary.get("method").asText(), m.get("method").asText());
    assertTrue(m.get("migrationIds").size() == 1 && m.get("migrationIds").get(0).asText().matches("\\d{16}"));
  }
}
