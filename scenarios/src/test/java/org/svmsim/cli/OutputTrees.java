package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads whole output trees, to compare runs byte for byte. */
final class OutputTrees {
  private OutputTrees() {}

  static SortedMap<String, byte[]> read(Path root) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Asserts both trees hold the same files with the same bytes, naming the first file that differs. */
  static void assertSameBytes(SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
    assertEquals(a.keySet(), b.keySet());
    for (String f : a.keySet()) {
      assertEquals(new String(a.get(f)), new String(b.get(f)), f + " differs");
    }
  }

  /** The event lines of an events.jsonl, without its header and trailer. */
  static List<String> eventLines(Path file) {
    List<String> all = lines(file);
    return all.subList(1, all.size() - 1);
  }

  /** The files of {@code vmDir} on {@code datastore} still there at the end, from the kernel's file facts. */
  static java.util.Set<String> filesLeft(Path out, String datastore, String vmDir) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Set<String> present = new java.util.LinkedHashSet<>();
    try {
      for (String line : eventLines(out.resolve("events.jsonl"))) {
        if (!line.contains("\"" + datastore + "\"") || !line.contains(vmDir + "/")) {
          continue;
        }
        com.fasterxml.jackson.databind.JsonNode e = json.readTree(line);
        String type = e.get("type").asText();
        if (type.equals("Kernel.FileCreated")) {
          present.add(e.get("path").asText());
        } else if (type.equals("Kernel.FileDeleted")) {
          present.remove(e.get("path").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return present;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
