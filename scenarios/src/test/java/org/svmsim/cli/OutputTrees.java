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

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
