package org.svmsim.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's journal check in Java, for tests: reads a run's journal.jsonl and final-disks.jsonl and
 * lists every block whose last journal digest differs from its final digest, or that the final dump has
 * and the journal does not.
 */
public final class JournalAudit {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the check found: how many blocks the guest wrote, and which ones disagree. */
  public record Result(int blocksWritten, List<String> lost) {}

  private JournalAudit() {}

  public static Result check(Path run) {
    try {
      Map<String, String> last = new LinkedHashMap<>();
      try (BufferedReader r = Files.newBufferedReader(run.resolve("journal.jsonl"))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          JsonNode j = JSON.readTree(line);
          last.put(key(j), j.get("digest").asText());
        }
      }
      Map<String, String> fin = new LinkedHashMap<>();
      List<String> lines = Files.readAllLines(run.resolve("final-disks.jsonl"));
      for (String line : lines.subList(1, lines.size())) {
        JsonNode f = JSON.readTree(line);
        fin.put(key(f), f.get("digest").asText());
      }
      List<String> lost = new ArrayList<>();
      last.forEach((k, d) -> {
        if (!d.equals(fin.get(k))) {
          lost.add(k);
        }
      });
      fin.keySet().stream().filter(k -> !last.containsKey(k)).forEach(lost::add);
      return new Result(last.size(), lost);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(JsonNode j) {
    return j.get("disk").asText() + "#" + j.get("block").asLong();
  }
}
