package org.svmsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Where a run's outputs go, all or nothing: the run writes into a staging directory beside the target
 * ({@code .DIR.partial-<pid>}), which is renamed into place only when the run succeeds and deleted when it
 * fails, so that a directory named like a run is always a complete run.
 */
public final class OutputDirectory {
  private final Path target;

  private OutputDirectory(Path target) {
    this.target = target;
  }

  /** A directory the user named: refused when it holds anything, unless {@code force} allows replacing it. */
  public static OutputDirectory explicit(Path dir, boolean force) {
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.getFileName() == null) {
      throw new UsageError(dir + ": cannot write a run over the filesystem root");
    }
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        throw new UsageError(dir + ": exists and is not a directory");
      }
      if (!isEmpty(abs) && !force) {
        throw new UsageError(dir + ": output directory exists and is not empty (--force replaces it)");
      }
      Path cwd = Path.of("").toAbsolutePath().normalize();
      Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
      // --force deletes the old directory: never the one we stand in, one of its parents, or a home.
      if (cwd.startsWith(abs) || abs.equals(home)) {
        throw new UsageError(dir + ": refusing to replace the current directory, a parent of it, or the home directory");
      }
    }
    return new OutputDirectory(abs);
  }

  /** A new directory {@code parent/base}, or {@code base-2}, {@code base-3}... when taken. */
  public static OutputDirectory fresh(Path parent, String base) {
    Path p = parent.resolve(base);
    for (int n = 2; Files.exists(p); n++) {
      p = parent.resolve(base + "-" + n);
    }
    return new OutputDirectory(p.toAbsolutePath().normalize());
  }

  public Path target() {
    return target;
  }

  /** Runs {@code work} in a fresh staging directory, then moves it into place; on failure, leaves nothing. */
  public <T> T produce(Function<Path, T> work) {
    Path staging = sibling(".partial-");
    try {
      Files.createDirectories(target.getParent());
      deleteTree(staging);
      Files.createDirectory(staging);
      T result = work.apply(staging);
      commit(staging);
      return result;
    } catch (IOException e) {
      quietlyDelete(staging);
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      quietlyDelete(staging);
      throw e;
    }
  }

  private void commit(Path staging) throws IOException {
    if (!Files.exists(target)) {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    // Replacing (--force, or an empty directory): set the old one aside first, so that a failed rename
    // can put it back.
    Path old = sibling(".old-");
    deleteTree(old);
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    quietlyDelete(old);
  }

  private Path sibling(String kind) {
    return target.resolveSibling("." + target.getFileName() + kind + ProcessHandle.current().pid());
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UsageError(dir + ": cannot read the directory: " + e.getMessage());
    }
  }

  private static void quietlyDelete(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException | UncheckedIOException e) {
      LoggerFactory.getLogger(OutputDirectory.class).warn("could not delete {}: {}", dir, e.getMessage());
    }
  }

  /** Deletes a tree without following symbolic links out of it. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
