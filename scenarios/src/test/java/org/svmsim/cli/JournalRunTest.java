package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svmsim.journal.JournalAudit;

/** {@code run --journal}: the audit journal of a quick run agrees with its final disks, as the README checks. */
class JournalRunTest {
  @TempDir
  static Path tmp;
  static Path run;

  @BeforeAll
  static void runQuick() {
    run = tmp.resolve("quick");
    Cli r = Cli.run("run", "quick", "--out", run.toString(), "--journal");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void theLastJournalDigestOfEveryBlockEqualsItsFinalDigest() {
    JournalAudit.Result r = JournalAudit.check(run);
    assertTrue(r.blocksWritten() > 1000, "the quick guest writes thousands of blocks: " + r.blocksWritten());
    assertEquals(List.of(), r.lost());
  }

  @Test
  void theCheckFailsWhenAFinalBlockDiffers() throws Exception {
    Path copy = tmp.resolve("tampered");
    Files.createDirectories(copy);
    Files.copy(run.resolve("journal.jsonl"), copy.resolve("journal.jsonl"));
    List<String> fin = Files.readAllLines(run.resolve("final-disks.jsonl"));
    String victim = fin.get(fin.size() / 2);
    fin.set(fin.size() / 2, victim.replaceFirst("\"digest\":\"[0-9a-f]", "\"digest\":\"g"));
    Files.write(copy.resolve("final-disks.jsonl"), fin);
    assertEquals(1, JournalAudit.check(copy).lost().size());
  }

  @Test
  void theJournalChangesNoOtherOutput() {
    Path plain = tmp.resolve("plain");
    assertEquals(0, Cli.run("run", "quick", "--out", plain.toString()).code());
    SortedMap<String, byte[]> with = OutputTrees.read(run);
    with.remove("journal.jsonl");
    with.remove("final-disks.jsonl");
    with.remove(".svmsim-run"); // it lists the journal's files
    SortedMap<String, byte[]> without = OutputTrees.read(plain);
    without.remove(".svmsim-run");
    OutputTrees.assertSameBytes(without, with);
    assertFalse(Files.exists(plain.resolve("journal.jsonl")));
  }

  @Test
  void theReadmesTenLineScriptAgrees() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("```python\n");
    assertTrue(start >= 0, "the README shows the check as a python block");
    String script = readme.substring(start + 10, readme.indexOf("```", start + 10));
    assertTrue(script.lines().count() <= 10, script);
    Path file = tmp.resolve("check_journal.py");
    Files.writeString(file, script);
    Process p;
    try {
      p = new ProcessBuilder("python3", file.toString(), run.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      Assumptions.abort("python3 is not installed: " + e.getMessage());
      return;
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.matches("(?s)\\d+ blocks written, 0 lost or unexplained\\s*"), out);
  }
}
