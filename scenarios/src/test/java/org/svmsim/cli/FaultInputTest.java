package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed fault, from --fault and from a scenario's faults:, is one line and exit 2, and writes nothing. */
class FaultInputTest {
  @TempDir
  Path tmp;

  private void assertRefused(Cli r, String expected) {
    assertEquals(2, r.code(), r.err());
    assertEquals("svmsim: " + expected + System.lineSeparator(), r.err());
    assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
  }

  @ParameterizedTest(name = "--fault {0}")
  @CsvSource(delimiter = '|', value = {
      "dest-explode@40% | faults[0].kind: bad value \"dest-explode\": expected one of dest-out-of-space, "
          + "dest-write-error, source-read-error, dest-slow, lock-conflict, cancel, agent-restart, host-crash, "
          + "switchover-timeout",
      "cancel@10m | faults[0].at: bad value \"10m\": past the run: its timeline ends at 1m",
      "cancel@140% | faults[0].at: bad value \"140%\": a copy progress is at most 100%",
      "cancel@40.125% | faults[0].at: bad value \"40.125%\": a copy progress has at most two decimals",
      "cancel@phase0 | faults[0].at: bad value \"phase0\": the SVMotion phases are numbered 1 to 11",
      "cancel@phase12 | faults[0].at: bad value \"phase12\": the SVMotion phases are numbered 1 to 11",
      "cancel@soon | faults[0].at: bad value \"soon\": expected a virtual time (10m), a copy progress (40%) "
          + "or a phase (phase8)",
      "dest-write-error:sticky@5s | faults[0].mode: bad value \"sticky\": dest-write-error takes transient or "
          + "persistent",
      "agent-restart:vcenter@5s | faults[0].mode: bad value \"vcenter\": agent-restart takes vpxa or hostd",
      "cancel:persistent@5s | faults[0].mode: bad value \"persistent\": cancel takes no mode",
  })
  void aMalformedFaultFlagIsRefused(String fault, String expected) {
    Cli r = Cli.run("run", "quick", "--fault", fault, "--out", tmp.resolve("out").toString());
    assertRefused(r, "--fault " + fault + ": " + expected);
  }

  @ParameterizedTest(name = "--fault {0}")
  @CsvSource({"cancel", "cancel@", "@40%"})
  void aFaultFlagWithoutKindAndWhenIsRefused(String fault) {
    Cli r = Cli.run("run", "quick", "--fault", fault, "--out", tmp.resolve("out").toString());
    assertRefused(r, "--fault " + fault + ": expected KIND[:MODE]@WHEN, like dest-write-error:persistent@40%, "
        + "cancel@10m or host-crash@phase9");
  }

  @Test
  void theSecondOfTwoFlagsIsNamedWhenItIsTheBadOne() {
    Cli r = Cli.run("run", "quick", "--fault", "cancel@40%", "--fault", "host-crash@2h",
        "--out", tmp.resolve("out").toString());
    assertRefused(r, "--fault host-crash@2h: faults[1].at: bad value \"2h\": past the run: its timeline ends at 1m");
  }

  private Path scenarioWith(String faults) throws Exception {
    String quick = Cli.run("show", "quick").out();
    return Files.writeString(tmp.resolve("faulty.yaml"), quick + "faults:\n" + faults);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "- kind: cancel\\n  at: 30%\\n  vm: nobody\\n | faults[0].vm: bad value \"nobody\": no VM has that name",
      "- kind: melt\\n  at: 30%\\n | faults[0].kind: bad value \"melt\": expected one of dest-out-of-space, "
          + "dest-write-error, source-read-error, dest-slow, lock-conflict, cancel, agent-restart, host-crash, "
          + "switchover-timeout",
      "- kind: cancel\\n  at: 101%\\n | faults[0].at: bad value \"101%\": a copy progress is at most 100%",
      "- kind: cancel\\n  at: 1h\\n | faults[0].at: bad value \"1h\": past the run: its timeline ends at 1m",
      "- kind: cancel\\n | faults[0].at: missing: this field is required",
      "- kind: cancel\\n  at: 5s\\n  when: later\\n | faults[0].when: unknown field (known fields: at, kind, mode, vm)",
  })
  void aMalformedFaultsEntryIsRefused(String yaml, String expected) throws Exception {
    Path file = scenarioWith(yaml.replace("\\n", "\n"));
    Cli r = Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString());
    assertRefused(r, file + ": " + expected);
  }

  @Test
  void aFaultNeedsARelocateInTheTimeline() throws Exception {
    String quick = Cli.run("show", "quick").out();
    int relocate = quick.indexOf("  - at: 5s");
    int off = quick.indexOf("  - at: 1m");
    Path file = Files.writeString(tmp.resolve("norelocate.yaml"),
        quick.substring(0, relocate) + quick.substring(off) + "faults:\n  - kind: cancel\n    at: 10s\n");
    Cli r = Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString());
    assertRefused(r, file + ": faults[0].kind: bad value \"cancel\": a fault strikes a Storage vMotion, and the "
        + "timeline has no relocate");
  }

  @Test
  void showPrintsTheFaultsAndTheShownScenarioRunsUnchanged() throws Exception {
    Cli shown = Cli.run("show", "quick", "--fault", "dest-write-error:persistent@40%");
    assertEquals(0, shown.code(), shown.err());
    assertTrue(shown.out().endsWith("faults:\n  - kind: dest-write-error\n    at: 40%\n    mode: persistent\n"
        + "    vm: \"\"\n"), shown.out());
    Path file = Files.writeString(tmp.resolve("shown.yaml"), shown.out());
    assertEquals(shown.out(), Cli.run("show", file.toString()).out());
    assertFalse(Cli.run("show", "quick").out().contains("faults"), "no faults, no faults: field");
  }
}
