package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
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
    FaultRuns.readmeScriptAgrees(FaultRuns.readmeScript(tmp), run);
  }
}
