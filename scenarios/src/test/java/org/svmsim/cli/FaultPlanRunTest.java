package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's fault plan publishes each FaultInjected fact once, at the moment its trigger names. */
class FaultPlanRunTest {
  @TempDir
  Path tmp;

  @Test
  void eachFaultIsInjectedOnceAtItsTimeItsProgressOrItsPhase() throws Exception {
    Path out = tmp.resolve("planned");
    Cli r = Cli.run("run", "quick", "--out", out.toString(), "--fault", "dest-slow:bandwidth@20s",
        "--fault", "agent-restart:hostd@phase8", "--fault", "switchover-timeout@50%");
    assertEquals(0, r.code(), r.err());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    for (String line : OutputTrees.eventLines(out.resolve("events.jsonl"))) {
      events.add(json.readTree(line));
    }
    List<JsonNode> injected = events.stream().filter(e -> e.get("type").asText().equals("Kernel.FaultInjected")).toList();
    assertEquals(3, injected.size(), injected.toString());

    int phase8 = indexOf(events, e -> e.get("type").asText().equals("Vmx.SvmotionPhaseEntered") && e.get("phase").asInt() == 8);
    JsonNode restart = injected.get(0);
    assertEquals("agent-restart", restart.at("/fault/kind").asText());
    assertEquals("hostd", restart.at("/fault/mode").asText());
    assertEquals(events.get(phase8).get("t").asLong(), restart.get("t").asLong(), "as the VMX enters phase 8");

    JsonNode half = injected.get(1);
    assertEquals("switchover-timeout", half.at("/fault/kind").asText());
    long total = events.stream().filter(e -> e.get("type").asText().equals("Kernel.CopyJobCreated"))
        .mapToLong(e -> e.get("sectors").asLong()).sum();
    long copiedBefore = 0;
    long copiedThen = 0;
    for (JsonNode e : events) {
      if (e.get("type").asText().equals("Kernel.ChunkCopied") && e.get("pass").asInt() == 1 && e.get("t").asLong() <= half.get("t").asLong()) {
        copiedThen += e.get("sectors").asLong();
        copiedBefore = copiedThen - e.get("sectors").asLong();
      }
    }
    assertTrue(2 * copiedThen >= total && 2 * copiedBefore < total,
        "on the chunk that reaches 50 %: " + copiedBefore + " then " + copiedThen + " of " + total);

    JsonNode slow = injected.get(2);
    assertEquals("dest-slow", slow.at("/fault/kind").asText());
    assertEquals(20_000_000_000L, slow.get("t").asLong());
    assertEquals("quick-vm", slow.at("/fault/vm").asText(), "the VM of the first relocate");
  }

  private static int indexOf(List<JsonNode> events, java.util.function.Predicate<JsonNode> p) {
    for (int i = 0; i < events.size(); i++) {
      if (p.test(events.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such event");
  }
}
