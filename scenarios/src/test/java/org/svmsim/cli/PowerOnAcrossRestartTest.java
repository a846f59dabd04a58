package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guest that comes up while hostd is down: the restarted hostd learns it from the VMX, as from VMDB. */
class PowerOnAcrossRestartTest {
  @TempDir
  Path tmp;

  @Test
  void hostdRestartedDuringAPowerOnFindsTheVmOnAndTheMoveGoesAhead() throws Exception {
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    // The guest takes 3 s to come up; hostd is down from 2 s for 4 to 10 s, across the GuestRunning.
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "quick", "--out",
        out.toString(), "--set", "vms[0].boot=3s", "--set", "timeline[1].at=20s",
        "--fault", "agent-restart:hostd@2s", "--events", "none");
    assertEquals(0, code, err.toString());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("success", s.get("outcome").asText(), s.toString());
    List<String> hostd = OutputTrees.lines(out.resolve("var/log/hostd.log"));
    int down = indexOf(hostd, "hostd is shutting down");
    int on = indexOf(hostd, "State Transition (VM_STATE_POWERING_ON -> VM_STATE_ON)");
    assertTrue(down >= 0 && on > down, "the power-on ends after the restart:\n" + String.join("\n", hostd));
    assertTrue(hostd.get(on + 1).contains("Task Completed : haTask-") && hostd.get(on + 1).contains("powerOn"),
        hostd.get(on + 1));
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
