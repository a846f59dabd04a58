package org.svmsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory a run writes into before it is moved into place: {@code NAME.svmsim-incomplete-PID},
 * beside the target, so a person seeing it knows what it is. It holds {@code .svmsim-staging} (the owner's
 * pid and start time). SIGINT and SIGTERM remove it (a shutdown hook); after a SIGKILL or a crash, the
 * next run into the same parent directory removes the staging directories of runs that are no longer
 * alive ({@link #sweep}). Replacing an old output sets it aside as {@code NAME.svmsim-replaced-PID}.
 */
final class Staging implements AutoCloseable {
  static final String OWNER_FILE = ".svmsim-staging";
  private static final Pattern NAME =
      Pattern.compile(".+\\.svmsim-(?:incomplete|replaced)-(\\d+)(?:\\.deleting)?");

  private final Path dir;
  private final Thread hook;
  private final PrintStream err;
  private boolean done;

  private Staging(Path dir, PrintStream err) {
    this.dir = dir;
    this.err = err;
    this.hook = new Thread(this::interrupted, "svmsim-staging-cleanup");
  }

  /** Creates the staging directory for {@code name} in {@code parent} and arms its cleanup on a signal. */
  static Staging create(Path parent, String name, PrintStream err) throws IOException {
    Path dir = parent.resolve(name + ".svmsim-incomplete-" + ProcessHandle.current().pid());
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && isOurs(dir)) {
      OutputDirectory.deleteTree(dir); // an earlier run of this JVM (tests) or a dead one with our pid
    }
    Files.createDirectory(dir);
    Staging s = new Staging(dir, err);
    Runtime.getRuntime().addShutdownHook(s.hook);
    Files.writeString(dir.resolve(OWNER_FILE), owner(ProcessHandle.current()), StandardCharsets.UTF_8);
    return s;
  }

  static String asideName(String name) {
    return name + ".svmsim-replaced-" + ProcessHandle.current().pid();
  }

  Path dir() {
    return dir;
  }

  /** The run is done with the directory (moved into place or discarded): a signal no longer touches it. */
  synchronized void finished() {
    done = true;
  }

  /** Removes the directory (a failed run); its contents were never an output. */
  synchronized void discard() {
    done = true;
    try {
      OutputDirectory.deleteTree(dir);
    } catch (IOException | RuntimeException e) {
      err.println("svmsim: could not remove " + dir + ": " + Failures.reason(e));
    }
  }

  /** Holds the lock while {@code step} runs, so a signal arriving meanwhile waits for it. */
  synchronized <T> T locked(IoStep<T> step) throws IOException {
    if (done) {
      throw new IOException("the run was interrupted");
    }
    return step.run();
  }

  /** One file-system step done under the staging lock. */
  @FunctionalInterface
  interface IoStep<T> {
    T run() throws IOException;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }

  /** SIGINT or SIGTERM: rename the directory out of the run's way first, so nothing more lands in it. */
  private void interrupted() {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
    }
    Path doomed = dir.resolveSibling(dir.getFileName() + ".deleting");
    try {
      Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
      OutputDirectory.deleteTree(doomed);
    } catch (IOException | RuntimeException e) {
      try {
        OutputDirectory.deleteTree(Files.exists(doomed) ? doomed : dir);
      } catch (IOException | RuntimeException again) {
        err.println("svmsim: interrupted; could not remove " + dir + ": " + Failures.reason(again));
        return;
      }
    }
    err.println("svmsim: interrupted: removed the incomplete output " + dir);
  }

  /** Removes the staging and set-aside directories in {@code parent} whose run is no longer alive. */
  static void sweep(Path parent, PrintStream err) {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "*.svmsim-*")) {
      for (Path p : entries) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && isOurs(p) && !alive(p, m.group(1))) {
          try {
            OutputDirectory.deleteTree(p);
          } catch (IOException | RuntimeException e) {
            err.println("svmsim: could not remove the leftover " + p + ": " + Failures.reason(e));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Sweeping is a courtesy: an unreadable parent shows up when the run writes there.
    }
  }

  /** Only directories svmsim made: a staging directory or a set-aside output. */
  private static boolean isOurs(Path dir) {
    return Files.isRegularFile(dir.resolve(OWNER_FILE), LinkOption.NOFOLLOW_LINKS)
        || Files.isRegularFile(dir.resolve(OutputMarker.FILE), LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean alive(Path dir, String pidText) {
    long pid;
    try {
      pid = Long.parseLong(pidText);
    } catch (NumberFormatException e) {
      return true;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    // The pid may have been reused since: the owner file records the owner's start time.
    try {
      return owner(p.get()).equals(Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  private static String owner(ProcessHandle p) {
    return "pid " + p.pid() + "\nstarted " + p.info().startInstant().map(Object::toString).orElse("?") + "\n";
  }
}
