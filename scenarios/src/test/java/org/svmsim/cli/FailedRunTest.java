package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed migrations through the command line: the VM stays on its complete source, nothing is lost. */
class FailedRunTest {
  private static final String QUICK_SOURCE = "65a4f000-1a2b3c4d-5e6f-001122334455";

  @TempDir
  Path tmp;

  private JsonNode run(Path out, String... sets) throws Exception {
    String[] args = new String[5 + 2 * sets.length];
    args[0] = "run";
    args[1] = "quick";
    args[2] = "--out";
    args[3] = out.toString();
    args[4] = "--force";
    for (int i = 0; i < sets.length; i++) {
      args[5 + 2 * i] = "--set";
      args[6 + 2 * i] = sets[i];
    }
    Cli r = Cli.run(args);
    assertEquals(0, r.code(), "a simulated failure is a result, not an error: " + r.err());
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  @Test
  void aSwitchoverPastFsrMaxSwitchoverSecondsFailsAndTheVmResumesOnTheSource() throws Exception {
    Path out = tmp.resolve("timeout");
    JsonNode s = run(out, "timeline[1].options.maxSwitchover=1s", "datastores[1].performance.bandwidth=1MB/s",
        "vms[0].workload.iops=20");
    assertEquals("failed", s.get("outcome").asText());
    assertTrue(s.get("failureReason").asText().startsWith("Maximum switchover time (1 seconds) reached"), s.toString());
    assertEquals(0, s.get("lostWrites").asLong());
    assertEquals(1000.0, s.get("downtimeMs").asDouble(), 0.001, "stopped until the limit");
    List<String> vmk = OutputTrees.lines(out.resolve("var/log/vmkernel.log"));
    assertTrue(vmk.stream().anyMatch(l -> l.contains(")WARNING: FSR: 690: ")
        && l.endsWith(" S: Maximum switchover time (1 seconds) reached. Failing migration; VM should resume on source.")),
        String.join("\n", vmk));
    assertTrue(vmk.stream().anyMatch(l -> l.contains(")WARNING: Migrate: 296: ")));
    assertTrue(Files.exists(out.resolve("vmfs/volumes/" + QUICK_SOURCE + "/quick-vm/vmware.log")),
        "the VM's log stays in its source home");
  }

  @Test
  void aDestinationThatFillsUpFailsTheRelocateAndRemovesItsLeftovers() throws Exception {
    Path out = tmp.resolve("full");
    JsonNode s = run(out, "vms[0].disks[0].provisioning=thin", "datastores[1].free=512MiB");
    assertEquals("failed", s.get("outcome").asText());
    assertTrue(s.get("failureReason").asText().startsWith("No space left on device"), s.toString());
    assertEquals(0, s.get("lostWrites").asLong());
    assertFalse(s.get("consistent").asBoolean(), "never reached the switchover's check");
    String events = Files.readString(out.resolve("events.jsonl"));
    assertTrue(events.contains("\"type\":\"Kernel.CopyFailed\""));
    assertTrue(events.contains("\"type\":\"Kernel.FileDeleted\""), "leftovers on the destination are removed");
  }
}
