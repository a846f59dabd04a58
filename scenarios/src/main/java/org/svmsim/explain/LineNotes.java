package org.svmsim.explain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * explain's note on every line of a run's logs, for report.html: what {@code svmsim explain} would print
 * under the line ({@code FAMILY (real|svmsim), phase: note}), looked up by file and line number. Lines
 * explain does not know have no note. Distinct notes are kept once; each line costs an int.
 */
public final class LineNotes {
  private final List<String> texts = new ArrayList<>();
  // Looked up only, never iterated into output.
  private final Map<String, int[]> byFile = new HashMap<>();

  private LineNotes() {}

  /** The notes of {@code logs} (relative path to content), each file explained on its own. */
  public static LineNotes of(SortedMap<String, String> logs) {
    LineNotes notes = new LineNotes();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Map.Entry<String, String> log : logs.entrySet()) {
      Recorder r = new Recorder(index, notes.texts);
      byte[] bytes = log.getValue().getBytes(StandardCharsets.UTF_8);
      try {
        new Explainer(r).run(List.of(new Explainer.Input(log.getKey(), new ByteArrayInputStream(bytes),
            Explainer.vmOf(log.getKey()))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      notes.byFile.put(log.getKey(), Arrays.copyOf(r.of, r.lines));
    }
    return notes;
  }

  /** The note of line {@code lineNo} (1-based) of {@code file}, or null. */
  public String note(String file, int lineNo) {
    int[] of = byFile.get(file);
    if (of == null || lineNo < 1 || lineNo > of.length) {
      return null;
    }
    int i = of[lineNo - 1];
    return i < 0 ? null : texts.get(i);
  }

  /** Keeps each line's note as an index into the distinct notes. */
  private static final class Recorder implements Explainer.Sink {
    private final Map<String, Integer> index;
    private final List<String> texts;
    int[] of = new int[1024];
    int lines;

    Recorder(Map<String, Integer> index, List<String> texts) {
      this.index = index;
      this.texts = texts;
    }

    @Override
    public void line(String file, ParsedLine p, String phase, String note) {
      int i = -1;
      if (p.family != null) {
        String text = p.family.name() + " (" + p.family.provenance().text() + ")"
            + (phase == null || phase.equals("-") ? "" : ", " + phase) + ": " + note;
        i = index.computeIfAbsent(text, t -> {
          texts.add(t);
          return texts.size() - 1;
        });
      }
      if (p.lineNo > of.length) {
        of = Arrays.copyOf(of, Math.max(of.length * 2, (int) p.lineNo));
      }
      of[(int) p.lineNo - 1] = i;
      lines = (int) Math.max(lines, p.lineNo);
    }

    @Override
    public void summary(Summary s) {
      // The report has its own headline.
    }
  }
}
