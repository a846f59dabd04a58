package org.svmsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code .svmsim-run}: the file by which svmsim recognises its own output. It names what wrote the
 * directory (the command, scenario, seed, method and svmsim's version, never a path or a time: two runs of
 * one scenario and seed stay byte-identical) and lists every file svmsim wrote there. {@code --force}
 * replaces a directory only when it holds this marker and nothing that the marker does not list.
 */
final class OutputMarker {
  static final String FILE = ".svmsim-run";
  private static final String HEADER =
      "# svmsim output. svmsim --force replaces this directory only while it holds nothing but the files below.";
  private static final String ENTRY = "file: ";

  private OutputMarker() {}

  /** Writes the marker into {@code dir}, listing every regular file under it, in sorted order. */
  static void write(Path dir, Map<String, String> about) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    about.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    try (Stream<Path> all = Files.walk(dir)) {
      for (String rel : (Iterable<String>) all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> relative(dir, p)).sorted()::iterator) {
        text.append(ENTRY).append(rel).append('\n');
      }
    }
    Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
  }

  /**
   * Why {@code dir} is not svmsim's output alone (no marker, or something the marker does not list), or
   * empty when it may be replaced. Stops at the first foreign entry, so a large tree costs little.
   */
  static Optional<String> foreign(Path dir) {
    Path marker = dir.resolve(FILE);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("it holds no " + FILE + " marker, so svmsim did not write it");
    }
    Set<String> files = new HashSet<>();
    Set<String> dirs = new HashSet<>();
    try {
      List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        return Optional.of("its " + FILE + " is not one svmsim wrote");
      }
      for (String line : lines) {
        if (line.startsWith(ENTRY)) {
          String rel = line.substring(ENTRY.length());
          files.add(rel);
          for (int i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) {
            dirs.add(rel.substring(0, i));
          }
        }
      }
      try (Stream<Path> all = Files.walk(dir)) {
        Iterator<Path> it = all.iterator();
        it.next();
        while (it.hasNext()) {
          Path p = it.next();
          String rel = relative(dir, p);
          boolean known = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? dirs.contains(rel)
              : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (files.contains(rel) || rel.equals(FILE));
          if (!known) {
            return Optional.of("it holds " + rel + ", which svmsim did not write");
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.of("it cannot be read (" + Failures.reason(e) + ")");
    }
    return Optional.empty();
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
