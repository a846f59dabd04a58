package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code svmsim report DIR}: the run's own report again, from its events; other files left alone. */
class ReportCommandTest {
  @TempDir
  static Path tmp;
  static Path run;

  @BeforeAll
  static void runQuick() {
    run = tmp.resolve("quick");
    assertEquals(0, Cli.run("run", "quick", "--out", run.toString()).code());
  }

  private static void assertOneLineUserError(Cli r, String fragment) {
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("svmsim: ") && r.err().contains(fragment), r.err());
  }

  @Test
  void reportRewritesTheRunsOwnReportByteForByte() throws Exception {
    byte[] written = Files.readAllBytes(run.resolve("report.html"));
    Files.delete(run.resolve("report.html"));
    Cli r = Cli.run("report", run.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("report of "), r.out());
    assertArrayEquals(written, Files.readAllBytes(run.resolve("report.html")));
    assertEquals(0, Cli.run("report", run.toString()).code(), "a report svmsim wrote is replaced");
  }

  @Test
  void aReplayedTreeTakesItsEventsFromTheRun() throws Exception {
    Path replayed = tmp.resolve("replayed");
    assertEquals(0, Cli.run("replay", run.resolve("events.jsonl").toString(), "--out", replayed.toString()).code());
    assertOneLineUserError(Cli.run("report", replayed.toString()), "--events");
    Cli r = Cli.run("report", replayed.toString(), "--events", run.resolve("events.jsonl").toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(run.resolve("report.html")),
        Files.readAllBytes(replayed.resolve("report.html")));
  }

  @Test
  void aReportHtmlSvmsimDidNotWriteIsReplacedOnlyWithForce() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("foreign"));
    Files.copy(run.resolve("events.jsonl"), dir.resolve("events.jsonl"));
    Files.writeString(dir.resolve("report.html"), "<p>my own notes</p>");
    assertOneLineUserError(Cli.run("report", dir.toString()), "not written by svmsim");
    assertEquals("<p>my own notes</p>", Files.readString(dir.resolve("report.html")));
    assertEquals(0, Cli.run("report", dir.toString(), "--force").code());
    assertTrue(Files.readString(dir.resolve("report.html")).contains("svmsim report"));
    try (var left = Files.list(dir)) {
      assertEquals(2, left.count(), "no partial file is left behind");
    }
  }

  @Test
  void aMissingDirectoryOrEventsFileIsAOneLineError() {
    assertOneLineUserError(Cli.run("report", tmp.resolve("nowhere").toString()), "no such directory");
    assertOneLineUserError(Cli.run("report", run.toString(), "--events", tmp.resolve("none.jsonl").toString()),
        "no such file");
  }
}
