package org.svmsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * One line of progress on stderr, rewritten about once a second, for runs that take more than a second:
 * the virtual time reached, the first copy pass's percentage and the wall time. Only when stderr is a
 * terminal, so it never lands in a file or a pipe; {@code SVMSIM_PROGRESS=0} turns it off. It reads the
 * wall clock, which is why it lives here and not in the simulation: it watches, it never feeds back.
 */
final class Progress implements Observer, AutoCloseable {
  private static final long SECOND = 1_000_000_000L;
  private final PrintStream err;
  private final long startNanos = System.nanoTime();
  private long nextPrint = startNanos + SECOND;
  private long events;
  private long sectors;
  private long copied;
  private boolean printed;

  private Progress(PrintStream err) {
    this.err = err;
  }

  /** A progress line on stderr when it is a terminal, else an observer that does nothing. */
  static Progress onTerminal() {
    boolean on = !"0".equals(System.getenv("SVMSIM_PROGRESS")) && stderrIsTerminal();
    return on ? new Progress(System.err) : null;
  }

  /** On Linux, stderr's file descriptor links to /dev/pts/N or /dev/ttyN when it is a terminal. */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void onEvent(long t, Event event) {
    if (event instanceof KernelEvent.CopyJobCreated e) {
      sectors += e.sectors();
    } else if (event instanceof KernelEvent.ChunkCopied e && e.pass() == 1) {
      copied += e.sectors();
    }
    if ((++events & 0xfff) == 0) {
      long now = System.nanoTime();
      if (now >= nextPrint) {
        nextPrint = now + SECOND;
        err.print("\r" + line(t, now) + "\033[K");
        err.flush();
        printed = true;
      }
    }
  }

  String line(long virtualNanos, long wallNanos) {
    long s = virtualNanos / VirtualTime.SECOND;
    String copy = sectors == 0 ? "copy not started" : String.format(Locale.ROOT, "copy %.1f%%", 100.0 * copied / sectors);
    return String.format(Locale.ROOT, "svmsim: virtual %dh%02dm%02ds, %s, %,d events, wall %ds", s / 3600,
        s / 60 % 60, s % 60, copy, events, (wallNanos - startNanos) / SECOND);
  }

  /** Clears the line, so the run's own output starts on a clean line. */
  @Override
  public void close() {
    if (printed) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
