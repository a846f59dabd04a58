package org.svmsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where a run's outputs go, whole and once. The run writes into a {@link Staging} directory beside the
 * target, which is renamed into place only when the run succeeds: rename(2) onto a path that is absent
 * (or an empty directory) is atomic and fails when another run's output got there first, so of two runs
 * into one new directory one wins and the other leaves nothing. {@code --force} replaces only svmsim's
 * own output ({@link OutputMarker}), never the current directory, home, svmsim's checkout or a directory
 * holding one of the run's inputs, and never an output that appeared after the run started.
 */
public final class OutputDirectory {
  private final Path parent;
  private final String base;
  private final boolean numbered;
  /** The file key of the svmsim output {@code --force} replaces; null when the target was absent or empty. */
  private final Object replacing;
  private Path target;

  private OutputDirectory(Path target, boolean numbered, Object replacing) {
    this.parent = target.getParent();
    this.base = target.getFileName().toString();
    this.numbered = numbered;
    this.replacing = replacing;
    this.target = target;
  }

  /**
   * A directory the user named. It must be absent or empty, or, with {@code force}, hold svmsim's output
   * and nothing else. {@code inputs} are files the run reads (a scenario file, the events being replayed),
   * by what to call them: the target may not contain them.
   */
  public static OutputDirectory explicit(Path dir, boolean force, Map<Path, String> inputs) {
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.getFileName() == null) {
      throw new UsageError(dir + ": cannot write a run over the filesystem root");
    }
    Map<Path, String> kept = new LinkedHashMap<>();
    kept.put(Path.of("").toAbsolutePath().normalize(), "the current directory");
    kept.put(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize(), "the home directory");
    Checkout.root().ifPresent(root -> kept.put(root, "svmsim's own checkout"));
    inputs.forEach((p, what) -> kept.put(p.toAbsolutePath().normalize(), what));
    for (Map.Entry<Path, String> k : kept.entrySet()) {
      if (k.getKey().startsWith(abs)) {
        throw new UsageError(dir + ": refusing to write there: it is or holds " + k.getValue()
            + (k.getKey().equals(abs) ? "" : " (" + k.getKey() + ")") + "; nothing was touched");
      }
    }
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      return new OutputDirectory(abs, false, null);
    }
    if (Files.isSymbolicLink(abs)) {
      throw new UsageError(dir + ": is a symbolic link; name the directory itself");
    }
    if (!Files.isDirectory(abs)) {
      throw new UsageError(dir + ": exists and is not a directory");
    }
    if (isEmpty(abs)) {
      return new OutputDirectory(abs, false, null);
    }
    if (!force) {
      throw new UsageError(dir + ": output directory exists and is not empty (--force replaces it when it"
          + " holds a svmsim output and nothing else)");
    }
    OutputMarker.foreign(abs).ifPresent(why -> {
      throw new UsageError(dir + ": --force refused: " + why + "; nothing was touched");
    });
    return new OutputDirectory(abs, false, fileKey(abs));
  }

  /** A new directory {@code parent/base}, or {@code base-2}, {@code base-3}... when taken, even meanwhile. */
  public static OutputDirectory fresh(Path parent, String base) {
    Path p = parent.toAbsolutePath().normalize().resolve(base);
    for (int n = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); n++) {
      p = p.resolveSibling(base + "-" + n);
    }
    return new OutputDirectory(p, true, null);
  }

  /** Where the output is, or will be; a numbered default name may move on if another run takes it. */
  public Path target() {
    return target;
  }

  /** The target as a person reads it: relative to the current directory when it lies below it. */
  public String shown() {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return target.startsWith(cwd) && !target.equals(cwd) ? cwd.relativize(target).toString() : target.toString();
  }

  /**
   * Runs {@code work} in a fresh staging directory, marks the result as svmsim's ({@code about}: what
   * wrote it), then moves it into place. On any failure or signal, leaves nothing.
   */
  public <T> T produce(Map<String, String> about, Function<Path, T> work) {
    PrintStream err = System.err;
    Staging staging;
    try {
      Files.createDirectories(parent);
      Staging.sweep(parent, err);
      staging = Staging.create(parent, target.getFileName().toString(), err);
    } catch (IOException e) {
      throw new EnvironmentError("cannot write " + parent + ": " + Failures.reason(e), e);
    }
    try (staging) {
      T result = work.apply(staging.dir());
      Files.delete(staging.dir().resolve(Staging.OWNER_FILE));
      OutputMarker.write(staging.dir(), about);
      staging.locked(() -> {
        commit(staging.dir());
        return null;
      });
      staging.finished();
      return result;
    } catch (IOException | UncheckedIOException e) {
      staging.discard();
      throw new EnvironmentError("cannot write " + target + ": " + Failures.reason(e), e);
    } catch (RuntimeException | Error e) {
      staging.discard();
      throw e;
    }
  }

  private void commit(Path staging) throws IOException {
    if (replacing != null) {
      replace(staging);
      return;
    }
    for (int n = 2; ; n++) {
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (FileSystemException e) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          throw e;
        }
        if (!numbered) {
          throw new UsageError(target + ": another run or program wrote there while this run was running;"
              + " this run's output was discarded (choose another --out)");
        }
        target = parent.resolve(base + "-" + n);
      }
    }
  }

  /** --force: set the old output aside, checking it is still the one found at the start; then swap. */
  private void replace(Path staging) throws IOException {
    UsageError changed = new UsageError(target + ": it changed while this run was running (another run wrote"
        + " there); this run's output was discarded and the other left alone");
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || !Objects.equals(replacing, fileKey(target))) {
      throw changed;
    }
    Path aside = parent.resolve(Staging.asideName(base));
    deleteTree(aside);
    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    if (!Objects.equals(replacing, fileKey(aside))) {
      Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
      throw changed;
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        throw e;
      }
      throw changed;
    }
    try {
      deleteTree(aside);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("svmsim: could not remove the replaced output " + aside + ": " + Failures.reason(e));
    }
  }

  private static Object fileKey(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.fileKey() != null ? a.fileKey() : a.creationTime();
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new EnvironmentError(dir + ": cannot read the directory: " + Failures.reason(e), e);
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
