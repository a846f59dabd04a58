package org.svmsim.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The lines of all a run's log files interleaved in time order, in the compact form the page reads: one
 * text with the lines joined by newlines, each line's time as a delta from the previous one (ms since the
 * run's start), and its file as one character. A million lines cost their text and a few bytes each.
 * A line without a timestamp (the continuation of a multi-line message) keeps the time of the line
 * before it; lines with the same millisecond keep their file's order, then the files' order.
 */
final class LogLines {
  private LogLines() {}

  /** What the report says about a log line (explain's note), or null for nothing. */
  @FunctionalInterface
  public interface Notes {
    Notes NONE = (file, lineNo, line) -> null;

    /** The note of {@code line}, line {@code lineNo} (1-based, empty lines counted) of {@code file}. */
    String of(String file, int lineNo, String line);
  }

  /** {@code logs} by relative path; {@code startEpochMillis} is virtual time zero. */
  static Map<String, Object> toJson(SortedMap<String, String> logs, long startEpochMillis) {
    return toJson(logs, startEpochMillis, Notes.NONE);
  }

  /**
   * As {@link #toJson(SortedMap, long)}, with each line's note: the distinct notes once ({@code notes}),
   * and per line the index of its note or -1 ({@code note}), since many lines share one.
   */
  static Map<String, Object> toJson(SortedMap<String, String> logs, long startEpochMillis, Notes notes) {
    List<String> files = new ArrayList<>(logs.keySet());
    List<String> text = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    List<Integer> file = new ArrayList<>();
    List<Integer> lineNos = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      long previous = 0;
      int no = 0;
      for (String line : logs.get(files.get(f)).split("\n", -1)) {
        no++;
        if (line.isEmpty()) {
          continue;
        }
        lineNos.add(no);
        long ms = epochMillis(line);
        previous = ms == Long.MIN_VALUE ? previous : Math.max(0, ms - startEpochMillis);
        keys.add(previous);
        text.add(line);
        file.add(f);
      }
    }
    if (keys.size() >= 1 << 24) {
      throw new IllegalArgumentException("a report holds at most " + (1 << 24) + " log lines, not " + keys.size());
    }
    // Sort by (time, position): the position makes the sort stable and the order of the files break ties.
    long[] order = new long[keys.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = (keys.get(i) << 24) | i;
    }
    Arrays.sort(order);
    StringBuilder joined = new StringBuilder();
    StringBuilder fileChars = new StringBuilder();
    List<Long> deltas = new ArrayList<>(order.length);
    Map<String, Integer> noteIndex = new LinkedHashMap<>();
    List<Integer> noteOf = new ArrayList<>(order.length);
    long at = 0;
    for (long o : order) {
      int i = (int) (o & 0xFFFFFF);
      String note = notes.of(files.get(file.get(i)), lineNos.get(i), text.get(i));
      noteOf.add(note == null ? -1 : noteIndex.computeIfAbsent(note, k -> noteIndex.size()));
      long t = keys.get(i);
      deltas.add(t - at);
      at = t;
      if (joined.length() > 0) {
        joined.append('\n');
      }
      joined.append(text.get(i));
      fileChars.append((char) ('0' + file.get(i)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("files", files);
    out.put("components", files.stream().map(LogLines::component).toList());
    out.put("dt", deltas);
    out.put("file", fileChars.toString());
    out.put("text", joined.toString());
    if (!noteIndex.isEmpty()) {
      out.put("notes", List.copyOf(noteIndex.keySet()));
      out.put("note", noteOf);
    }
    return out;
  }

  /** Whose log a file is, by its name. */
  static String component(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return switch (name) {
      case "vmkernel.log" -> "vmkernel";
      case "vmware.log" -> "VMX";
      case "hostd.log" -> "hostd";
      case "vpxa.log" -> "vpxa";
      default -> name.replaceFirst("\\.log$", "");
    };
  }

  /** The epoch millisecond of a line that starts with {@code 2016-05-19T12:59:29.720Z}, else MIN_VALUE. */
  static long epochMillis(String line) {
    if (line.length() < 24 || line.charAt(4) != '-' || line.charAt(10) != 'T' || line.charAt(19) != '.'
        || line.charAt(23) != 'Z') {
      return Long.MIN_VALUE;
    }
    try {
      long day = LocalDate.of(num(line, 0, 4), num(line, 5, 7), num(line, 8, 10)).toEpochDay();
      long seconds = day * 86400 + num(line, 11, 13) * 3600L + num(line, 14, 16) * 60L + num(line, 17, 19);
      return seconds * 1000 + num(line, 20, 23);
    } catch (RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }

  private static int num(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(s.substring(from, to));
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
