package org.svmsim.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.svmsim.cli.Main;
import org.svmsim.kernel.config.Method;

/**
 * explain on svmsim's own four logs: for every bundled scenario and every method, for both layout
 * families of {@code host.version}, and for one run of each fault kind with each method, every line is
 * recognised, the summary agrees with summary.json on the outcome, the failure reason, the migration time
 * and the downtime (within 1 ms), and it names the fault the run's logs show, with its evidence lines.
 * big-disk is left to benchmarks/speed.sh: it takes a minute; the fault runs use the small quick scenario.
 */
class ExplainOwnLogsTest {
  @TempDir
  static Path tmp;

  /** A run: its arguments after {@code run}, and the fault ({@code kind[:mode]}) explain must name, or null. */
  record Run(String scenario, String method, List<String> extra, String fault) {
    @Override
    public String toString() {
      return scenario + " " + method + " " + String.join(" ", extra);
    }
  }

  static List<String> bundled() throws IOException {
    try (var in = ExplainOwnLogsTest.class.getResourceAsStream("/scenarios/index.txt")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
      return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim)
          .filter(s -> !s.equals("big-disk")).toList();
    }
  }

  static Stream<Arguments> runs() throws IOException {
    List<Run> runs = new ArrayList<>();
    for (String method : Method.implementedIds()) {
      for (String scenario : bundled()) {
        runs.add(new Run(scenario, method, List.of(), null));
      }
      runs.add(new Run("quick", method, List.of("--set", "host.version=8.0.2"), null));
      runs.add(new Run("quick", method, List.of("--set", "host.version=5.0.0", "--seed", "3"), null));
      runs.add(new Run("quick", method, List.of("--set", "datastores.1.performance.bandwidth=3MB/s",
          "--set", "timeline.1.options.maxSwitchover=1s"), null));
      runs.add(new Run("quick", method, List.of("--set", "datastores.1.free=600MiB"), null));
      runs.addAll(faults(method));
    }
    // DBT is ESX 4.x's method: an ESX 4.1 host writes the classic layouts (syslog vmkernel, bracketed agents).
    runs.add(new Run("quick", "dbt", List.of("--set", "host.version=4.1.0"), null));
    runs.add(new Run("quick", "dbt", List.of("--set", "host.version=4.1.0", "--fault", "switchover-timeout@phase9"),
        "switchover-timeout"));
    return runs.stream().map(r -> Arguments.of(r));
  }

  /** One run per fault kind (both modes of the two I/O errors and the lock), each where it strikes. */
  private static List<Run> faults(String method) {
    List<Run> runs = new ArrayList<>();
    String[][] kinds = {
        {"dest-write-error:persistent@40%", "dest-write-error:persistent"},
        {"dest-write-error:transient@40%", "dest-write-error:transient"},
        {"source-read-error:persistent@40%", "source-read-error:persistent"},
        {"source-read-error:transient@40%", "source-read-error:transient"},
        {"lock-conflict:persistent@phase1", "lock-conflict:persistent"},
        {"lock-conflict:transient@phase1", "lock-conflict:transient"},
        {"cancel@40%", "cancel"},
        {"switchover-timeout@phase9", "switchover-timeout"},
        {"dest-out-of-space@40%", "dest-out-of-space"},
        {"agent-restart:vpxa@40%", "agent-restart:vpxa"},
        {"agent-restart:hostd@40%", "agent-restart:hostd"},
        {"dest-slow:latency@40%", "dest-slow"},
        {"host-crash@40%", "host-crash"},
        // Its lines, if any, must name it and nothing else.
        {"dest-slow:bandwidth@40%", null}};
    for (String[] k : kinds) {
      List<String> extra = new ArrayList<>(List.of("--fault", k[0]));
      if (k[0].startsWith("dest-out-of-space")) {
        extra.addAll(List.of("--set", "vms.0.disks.0.provisioning=thin"));
      }
      // Mirror mode fails at the first mirrored write that meets the error, transient or not: the lines
      // name the fault, not its mode.
      String named = k[1] != null && method.equals("mirror") && k[0].startsWith("dest-write-error")
          ? "dest-write-error" : k[1];
      runs.add(new Run("quick", method, extra, named));
    }
    return runs;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void theSummaryAgreesWithSummaryJson(Run run) throws IOException {
    Path out = tmp.resolve((run.toString()).replaceAll("[^A-Za-z0-9_.]", "_"));
    List<String> args = new ArrayList<>(List.of("run", run.scenario(), "--method", run.method(), "--out",
        out.toString(), "--events", "none"));
    args.addAll(run.extra());
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
    faultIsNamed(run, summary, s, m);
  }

  /** The fault: named with its mode, its lines as file:line evidence; no other fault named. */
  private static void faultIsNamed(Run run, JsonNode summary, JsonNode s, JsonNode m) {
    List<String> named = new ArrayList<>();
    s.get("faults").forEach(f -> named.add(f.asText()));
    String reason = summary.get("failureReason").asText();
    if (run.extra().isEmpty() || !run.extra().get(0).equals("--fault")) {
      // No fault injected: a failure still has its cause named, a success none.
      String want = reason.contains("did not converge") ? "no-convergence"
          : reason.contains("switchover") ? "switchover-timeout"
          : reason.contains("No space left") ? "dest-out-of-space" : null;
      // A slow destination is a fault of its own where the scenario makes one (slow-destination, 3MB/s):
      // the kernel's latency watch says so.
      named.remove("dest-slow");
      assertEquals(want == null ? List.of() : List.of(want), named, reason);
      return;
    }
    if (run.fault() == null) {
      String injected = run.extra().isEmpty() || !run.extra().get(0).equals("--fault") ? null
          : run.extra().get(1).replaceAll("[:@].*", "");
      assertTrue(named.stream().allMatch(f -> f.startsWith(Objects.requireNonNullElse(injected, "-"))),
          "no fault but " + injected + ": " + named);
      return;
    }
    // The kind; the mode too, when the lines tell it (a mirror fails at its first failed write: no mode).
    assertEquals(1, named.size(), named.toString());
    String kind = run.fault().replaceAll(":.*", "");
    assertTrue(named.get(0).equals(kind) || named.get(0).equals(run.fault()), named + " for " + run.fault());
    if (summary.get("outcome").asText().equals("success")) {
      assertEquals(run.fault(), named.get(0), "a fault the migration got past is named with its mode");
    }
    JsonNode f = m.get("faults").get(0);
    assertTrue(f.get("lines").asInt() > 0 && f.get("evidence").size() > 0, f.toString());
    for (JsonNode ev : f.get("evidence")) {
      assertTrue(ev.asText().matches("\\S+\\.log:\\d+: .+"), ev.asText());
    }
    assertTrue(f.get("from").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), f.toString());
  }
}
