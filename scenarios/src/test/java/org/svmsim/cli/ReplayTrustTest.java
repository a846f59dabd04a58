package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay trusts nothing: every damaged, foreign or tampered events file is refused with its line. */
class ReplayTrustTest {
  @TempDir
  static Path tmp;
  static Path run;
  static List<String> lines;

  @BeforeAll
  static void record() throws Exception {
    run = tmp.resolve("run");
    assertEquals(0, Cli.run("run", "quick", "--out", run.toString()).code());
    lines = Files.readAllLines(run.resolve("events.jsonl"));
  }

  private static void assertRefused(Path file, String expected) {
    Path out = tmp.resolve("out-" + file.getFileName());
    Cli r = Cli.run("replay", file.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("svmsim: " + file + ": " + expected + System.lineSeparator(), r.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  private static Path write(String name, List<String> content) throws Exception {
    return Files.write(tmp.resolve(name), content);
  }

  @Test
  void eachTamperedFileIsRefusedWithItsLine() throws Exception {
    int n = lines.size();
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("line 1: the file is empty: an events file starts with svmsim's header line", List.of());
    cases.put("line " + (n / 2 + 1) + ": the file ends without svmsim's trailer line: it is truncated, or its run did"
        + " not finish writing it", lines.subList(0, n / 2));
    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(5);
    cases.put("line " + (n - 1) + ": the trailer counts " + (n - 2) + " events but the file holds " + (n - 3)
        + ": lines were deleted or added", deleted);
    List<String> duplicated = new ArrayList<>(lines);
    duplicated.add(5, lines.get(5));
    cases.put("line " + (n + 1) + ": the trailer counts " + (n - 2) + " events but the file holds " + (n - 1)
        + ": lines were deleted or added", duplicated);
    List<String> swapped = new ArrayList<>(lines);
    swapped.set(5, lines.get(6));
    swapped.set(6, lines.get(5));
    cases.put("line " + n + ": the lines before the trailer do not match its length and crc32c: the file was edited",
        swapped);
    int late = n / 2;
    List<String> future = new ArrayList<>(lines);
    future.set(late, lines.get(late).replaceFirst("\"t\":\\d+", "\"t\":1000000000000000000"));
    cases.put("line " + (late + 2) + ": time goes back (t", future);
    List<String> huge = new ArrayList<>(lines);
    huge.set(late, lines.get(late).replaceFirst("\"t\":\\d+", "\"t\":1000000000000000000000000000000"));
    cases.put("line " + (late + 1) + ": field \"t\": bad value 1000000000000000000000000000000: expected virtual"
        + " nanoseconds, 0 or more", huge);
    int k = 0;
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      Path f = write("case" + k++ + ".jsonl", c.getValue());
      if (c.getKey().endsWith("(t")) {
        Cli r = Cli.run("replay", f.toString(), "--out", tmp.resolve("o" + k).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("svmsim: " + f + ": " + c.getKey()), r.err());
      } else {
        assertRefused(f, c.getKey());
      }
    }
  }

  @Test
  void aFieldErrorNamesTheFieldNeverAJavaClass() throws Exception {
    List<String> edited = new ArrayList<>(lines);
    int i = 0;
    while (!edited.get(i).contains("\"type\":\"Kernel.GuestIoCompleted\"")) {
      i++;
    }
    edited.set(i, edited.get(i).replaceFirst("\"sectors\":\\d+", "\"sectors\":\"many\""));
    assertRefused(write("field.jsonl", edited), "line " + (i + 1) + ": field \"sectors\": bad or missing value");
    edited.set(i, lines.get(i).replaceFirst("\"type\":\"Kernel.GuestIoCompleted\"", "\"type\":\"Kernel.Nope\""));
    assertRefused(write("type.jsonl", edited), "line " + (i + 1) + ": unknown event type 'Kernel.Nope'");
  }

  @Test
  void foreignFilesAreRefusedAndSvmsimsOwnGzipIsRead() throws Exception {
    assertRefused(run.resolve("summary.json"), "line 1: this is a multi-line JSON document (a summary.json?), not an"
        + " events file: give the run's events.jsonl");
    assertRefused(run, "is a directory: give the events.jsonl inside a run's output");
    Path binary = Files.write(tmp.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertRefused(binary, "line 1: not UTF-8 text: a binary file is not an events file");
    Path zip = Files.write(tmp.resolve("events.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
    assertRefused(zip, "is a zip archive: svmsim reads an events.jsonl, or its own events.jsonl.gz");
    Path noHeader = write("noheader.jsonl", lines.subList(1, lines.size()));
    assertRefused(noHeader, "line 1: no svmsim header: an events file svmsim wrote starts with {\"svmsimEvents\":1,...}");

    Path gz = tmp.resolve("events.jsonl.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(Files.readAllBytes(run.resolve("events.jsonl")));
    }
    Cli r = Cli.run("replay", gz.toString(), "--out", tmp.resolve("from-gz").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(run.resolve("var/log/vmkernel.log")),
        Files.readString(tmp.resolve("from-gz/var/log/vmkernel.log")));
    Path cut = Files.write(tmp.resolve("cut.gz"), java.util.Arrays.copyOf(Files.readAllBytes(gz), 200));
    Cli c = Cli.run("replay", cut.toString(), "--out", tmp.resolve("from-cut").toString());
    assertEquals(2, c.code(), c.err());
    assertFalse(Files.exists(tmp.resolve("from-cut")));
  }

  @Test
  void runsWrittenWithGzipEventsReplayToTheSameLogs() throws Exception {
    Path g = tmp.resolve("gzipped");
    assertEquals(0, Cli.run("run", "quick", "--out", g.toString(), "--events", "gzip").code());
    assertFalse(Files.exists(g.resolve("events.jsonl")));
    Cli r = Cli.run("replay", g.resolve("events.jsonl.gz").toString(), "--out", tmp.resolve("g-replay").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(g.resolve("var/log/hostd.log")),
        Files.readString(tmp.resolve("g-replay/var/log/hostd.log")));
    assertTrue(Files.readString(g.resolve(".svmsim-run")).contains("file: events.jsonl.gz\n"));
  }
}
