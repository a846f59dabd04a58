package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.svmsim.journal.JournalAudit;

/** What every fault run must show, whatever the fault: shared by the fault, restart and journal tests. */
final class FaultRuns {
  private FaultRuns() {}

  /**
   * Runs the CLI with {@code args} into {@code out}, then checks the summary's outcome and failure reason
   * and that nothing acknowledged was lost, by the summary and by the journal; returns the summary.
   */
  static JsonNode runLosingNothing(Path out, List<String> args, String outcome, String reason)
      throws IOException {
    Cli r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(outcome, s.get("outcome").asText(), s.toString());
    assertTrue(s.get("failureReason").asText().contains(reason), s.toString());
    assertEquals(0, s.get("lostWrites").asLong());
    assertEquals(List.of(), JournalAudit.check(out).lost(), "the journal agrees");
    return s;
  }

  /** Writes the README's python journal check (its first python block) to {@code dir}; at most ten lines. */
  static Path readmeScript(Path dir) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("```python\n");
    assertTrue(start >= 0, "the README shows the journal check as a python block");
    String script = readme.substring(start + 10, readme.indexOf("```", start + 10));
    assertTrue(script.lines().count() <= 10, script);
    Path file = dir.resolve("check_journal.py");
    Files.writeString(file, script);
    return file;
  }

  /** Runs the README's script on {@code run} as a user would: exit 0 and "0 lost or unexplained". */
  static void readmeScriptAgrees(Path script, Path run) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("python3", script.toString(), run.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed: " + e.getMessage());
      return;
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), said);
    assertTrue(said.matches("(?s)\\d+ blocks written, 0 lost or unexplained\\s*"), said);
  }
}
