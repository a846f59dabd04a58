package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svmsim.scenario.LimitsSpec;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.ScenarioLoader;

/** Runs that cannot finish stop at a documented limit, with outcome aborted and the figures reached. */
class BoundedRunTest {
  @TempDir
  Path tmp;

  private JsonNode run(String name, String... args) throws Exception {
    Path out = tmp.resolve(name);
    String[] all = new String[args.length + 6];
    System.arraycopy(new String[] {"run", "quick", "--out", out.toString(), "--events", "none"}, 0, all, 0, 6);
    System.arraycopy(args, 0, all, 6, args.length);
    Cli r = Cli.run(all);
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(out.resolve("events.jsonl")), "--events none writes no events file");
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  @Test
  void anOversubscribedGuestIsThrottledAndTheRunStopsAtItsEventBudget() throws Exception {
    JsonNode s = run("flood", "--set", "vms[0].workload.iops=40000", "--set", "limits.events=200000");
    assertEquals("aborted", s.get("outcome").asText());
    assertTrue(s.get("failureReason").asText().startsWith("limits.events: the run dispatched its 200000 events by "),
        s.get("failureReason").asText());
    assertTrue(s.get("guestIosThrottled").asLong() > 0, "the closed-loop guest waited for its queue");
    assertTrue(s.get("guestWrites").asLong() > 0, "the figures reached are kept");
    assertEquals(0, s.get("lostWrites").asLong(), "an abort with I/O in flight loses no acknowledged write");
  }

  @Test
  void aCopyThatCannotProgressStopsAtTheOverrunPastTheTimeline() throws Exception {
    JsonNode s = run("slow", "--set", "datastores[1].performance.bandwidth=1B/s", "--set", "vms[0].workload.iops=0",
        "--set", "limits.overrun=2h");
    assertEquals("aborted", s.get("outcome").asText());
    assertTrue(s.get("failureReason").asText().startsWith("limits.overrun: the run went on 2h past its timeline's"
        + " last action at 1m without finishing"), s.get("failureReason").asText());
    assertTrue(s.get("failureReason").asText().contains("still pending: relocate quick-vm"));
    // From the relocate (at 5s, give or take the drawn delays before its task starts) to the stop at 2h1m.
    assertEquals(7260_000.0 - 5_000, s.get("migrationTimeMs").asDouble(), 1_000, "the migration's time until the stop");
  }

  @Test
  void limitsHaveBoundsAndTheCodeDefaultIsTheFilesDefault() {
    assertEquals(LimitsSpec.DEFAULT, ScenarioLoader.load("quick", Overrides.none()).limits());
    Cli r = Cli.run("show", "quick", "--set", "limits.events=10");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("limits.events: bad value \"10\": must be within 1000..1000000000"), r.err());
  }

  @Test
  void progressIsALineOfVirtualTimeCopyAndWallTimeAndNeverInAPipe() {
    assertFalse(Progress.stderrIsTerminal(), "the tests' stderr is a pipe or a file");
    Cli r = Cli.run("run", "quick", "--out", tmp.resolve("p").toString(), "--events", "none");
    assertFalse(r.err().contains("virtual"), r.err());
  }
}
