package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.svmsim.kernel.fsr.Switchovers;

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

  /** What makes each method's switchover outlast 1 s: a slow destination, or a long stunned copy. */
  private static String[] longSwitchover(String method) {
    return switch (method) {
      case "mirror" -> new String[] {"datastores[1].performance.bandwidth=1MB/s", "vms[0].workload.iops=20"};
      case "dbt" -> new String[] {"timeline[1].options.dbt.finalPass=1GiB", "vms[0].workload.iops=200"};
      default -> new String[] {"timeline[1].options.snapshot.stunThreshold=1GiB", "vms[0].workload.iops=200"};
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"mirror", "dbt", "snapshot"})
  void aSwitchoverPastFsrMaxSwitchoverSecondsFailsAndTheVmResumesOnTheSource(String method) throws Exception {
    Path out = tmp.resolve("timeout-" + method);
    List<String> sets = new ArrayList<>(List.of("timeline[1].method=" + method,
        "timeline[1].options.maxSwitchover=1s"));
    sets.addAll(List.of(longSwitchover(method)));
    JsonNode s = run(out, sets.toArray(String[]::new));
    assertEquals("failed", s.get("outcome").asText());
    assertTrue(s.get("failureReason").asText().startsWith("Maximum switchover time (1 seconds) reached"), s.toString());
    assertEquals(0, s.get("lostWrites").asLong());
    // Stopped until the kernel noticed the limit: a little past it, never on it.
    double downtime = s.get("downtimeMs").asDouble();
    assertTrue(downtime > 1000.0 && downtime < 1000.0 + Switchovers.NOTICE_MAX_NANOS / 1e6, "downtime " + downtime);
    List<String> vmk = OutputTrees.lines(out.resolve("var/log/vmkernel.log"));
    assertTrue(vmk.stream().anyMatch(l -> l.contains(")WARNING: FSR: 690: ")
        && l.endsWith(" S: Maximum switchover time (1 seconds) reached. Failing migration; VM should resume on source.")),
        String.join("\n", vmk));
    assertTrue(vmk.stream().anyMatch(l -> l.contains(")WARNING: Migrate: 296: ")));
    assertTrue(vmk.stream().anyMatch(l -> l.contains(")WARNING: FSR: 3281: ")));
    assertTrue(Files.exists(out.resolve("vmfs/volumes/" + QUICK_SOURCE + "/quick-vm/vmware.log")),
        "the VM's log stays in its source home");
    // Everything the relocate created on the destination is gone; nothing of the source is.
    Map<String, Integer> created = new TreeMap<>();
    for (String line : OutputTrees.lines(out.resolve("events.jsonl"))) {
      JsonNode e = new ObjectMapper().readTree(line);
      String type = e.path("type").asText(); // the header and trailer lines have none
      if (type.equals("Kernel.FileCreated") || type.equals("Kernel.FileDeleted")) {
        String key = e.get("datastore").asText() + "/" + e.get("path").asText();
        created.merge(key, type.equals("Kernel.FileCreated") ? 1 : -1, Integer::sum);
      }
    }
    created.forEach((file, n) -> assertEquals(file.startsWith(QUICK_SOURCE) ? 1 : 0, n, method + ": " + file));
    assertTrue(created.keySet().stream().anyMatch(f -> !f.startsWith(QUICK_SOURCE)), "the copy had begun");
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
