package org.svmsim.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.svmsim.scenario.Mappers;

/** Writes a run's files under its output root: the support-bundle-like log tree and summary.json. */
final class OutputTree {
  private OutputTree() {}

  static void writeLogs(Path root, SortedMap<String, String> logs) throws IOException {
    for (Map.Entry<String, String> f : logs.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
  }

  static void writeSummary(Path root, RunSummary summary) throws IOException {
    Files.writeString(root.resolve("summary.json"), Mappers.json().writeValueAsString(summary) + "\n",
        StandardCharsets.UTF_8);
  }
}
