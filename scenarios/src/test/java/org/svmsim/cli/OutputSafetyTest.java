package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's files survive svmsim: --force, concurrent runs, signals; all through the command's entry point. */
class OutputSafetyTest {
  @TempDir
  Path tmp;

  private static List<String> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void forceIsRefusedOnAForeignFileTheCheckoutAndAReplaysSource() throws Exception {
    Path foreign = Files.createDirectory(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Cli r = Cli.run("run", "quick", "--out", foreign.toString(), "--force");
    assertEquals(2, r.code(), r.err());
    assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));

    Path checkout = Checkout.root().orElseThrow();
    Cli c = Cli.run("run", "quick", "--out", checkout.toString(), "--force");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("refusing to write there"), c.err());
    assertTrue(Files.exists(checkout.resolve(".git")));

    Path own = tmp.resolve("own");
    assertEquals(0, Cli.run("run", "quick", "--out", own.toString()).code());
    Cli rep = Cli.run("replay", own.resolve("events.jsonl").toString(), "--out", own.toString(), "--force");
    assertEquals(2, rep.code(), rep.err());
    assertTrue(Files.size(own.resolve("events.jsonl")) > 0);
  }

  @Test
  void ofTwoConcurrentRunsIntoOneNewDirectoryOneWinsAndTheOtherLeavesNothing() throws Exception {
    Path same = tmp.resolve("same");
    Process a = Child.start(tmp.resolve("a.log"), "run", "quick", "--seed", "1", "--out", same.toString());
    Process b = Child.start(tmp.resolve("b.log"), "run", "quick", "--seed", "2", "--out", same.toString());
    assertTrue(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES));
    List<Integer> codes = List.of(a.exitValue(), b.exitValue());
    assertTrue(codes.contains(0) && codes.contains(2), "exit codes " + codes);
    int winner = codes.indexOf(0) + 1;
    String loser = Files.readString(tmp.resolve(winner == 1 ? "b.log" : "a.log"));
    assertTrue(loser.contains("svmsim: " + same + ": "), loser);
    assertEquals(winner, new ObjectMapper().readTree(same.resolve("summary.json").toFile()).get("seed").asInt());
    assertTrue(Files.readString(same.resolve(".svmsim-run")).contains("seed: " + winner + "\n"));
    assertEquals(List.of("a.log", "b.log", "same"), entries(tmp), "no staging directory left");
  }

  @Test
  void sigtermAndSigkillMidRunLeaveNoTreeAndNoDebrisAfterTheNextRun() throws Exception {
    for (boolean kill : new boolean[] {false, true}) {
      Path d = Files.createDirectory(tmp.resolve(kill ? "killed" : "terminated"));
      Process p = Child.start(tmp.resolve(d.getFileName() + ".log"), "run", "big-disk", "--out",
          d.resolve("out").toString());
      while (p.isAlive() && entries(d).stream().noneMatch(n -> n.startsWith("out.svmsim-incomplete-"))) {
        Thread.sleep(50);
      }
      Thread.sleep(500); // well into the run
      if (kill) {
        p.destroyForcibly();
      } else {
        p.destroy();
      }
      assertTrue(p.waitFor(1, TimeUnit.MINUTES));
      assertEquals(kill ? 137 : 143, p.exitValue());
      if (!kill) {
        assertEquals(List.of(), entries(d), "SIGTERM removes the staging directory before the exit");
        assertTrue(Files.readString(tmp.resolve(d.getFileName() + ".log"))
            .contains("svmsim: interrupted: removed the incomplete output"));
      }
      assertEquals(0, Cli.run("run", "quick", "--out", d.resolve("next").toString()).code());
      assertEquals(List.of("next"), entries(d), "the next run removed what the dead one left");
    }
  }

  @Test
  void aNameTheFilesystemRefusesIsAnEnvironmentErrorWithItsReason() {
    Path tooLong = tmp.resolve("x".repeat(300));
    Cli r = Cli.run("run", "quick", "--out", tooLong.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("File name too long"), r.err());
  }
}
