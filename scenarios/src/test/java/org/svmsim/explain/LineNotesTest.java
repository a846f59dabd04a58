package org.svmsim.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svmsim.cli.Main;
import org.svmsim.run.Replayer;

/** explain's notes for report.html: by file and line number, and in the report's data of a run. */
class LineNotesTest {
  @Test
  void eachKnownLineHasExplainsNoteByFileAndLineNumber() {
    TreeMap<String, String> logs = new TreeMap<>();
    logs.put("var/log/vmkernel.log", """
        2016-05-19T13:00:25.159Z cpu8:34803)Vol3: 2675: Could not open device 'a-b-svmmirror' for probing: Busy

        2016-05-19T13:00:25.160Z cpu8:34803)NMP: 1: something svmsim does not know
        """);
    logs.put("vmfs/volumes/x/W1_2/vmware.log", "2016-05-19T12:59:29.723Z| Worker#0| I120: SVMotion: Enter Phase 8\n");
    LineNotes notes = LineNotes.of(logs);
    String probe = notes.note("var/log/vmkernel.log", 1);
    assertTrue(probe.startsWith("VOL3_PROBE_OPEN_FAILED (real), 4-copy: a filesystem rescan could not probe"), probe);
    assertNull(notes.note("var/log/vmkernel.log", 2), "an empty line counts, and has no note");
    assertNull(notes.note("var/log/vmkernel.log", 3), "a line explain does not know has none");
    assertNull(notes.note("var/log/vmkernel.log", 4));
    assertTrue(notes.note("vmfs/volumes/x/W1_2/vmware.log", 1).startsWith("PHASE_ENTERED (real), 4-copy: "));
    assertNull(notes.note("var/log/hostd.log", 1));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReportOfARunCarriesANoteOnEveryLine(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("quick");
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "quick", "--out",
        out.toString()), err.toString());
    Map<String, Object> logs = (Map<String, Object>) Replayer.reportData(out.resolve("events.jsonl")).get("logs");
    List<String> texts = (List<String>) logs.get("notes");
    List<Integer> of = (List<Integer>) logs.get("note");
    assertEquals(((String) logs.get("text")).split("\n").length, of.size());
    assertTrue(of.stream().allMatch(i -> i >= 0 && i < texts.size()), "svmsim's own lines are all known");
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("SVM_MAKE_DEV (real), 3-mirror: ")), texts.toString());
  }
}
