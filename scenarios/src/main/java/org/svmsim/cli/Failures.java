package org.svmsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/** Turns Java's I/O exceptions into the operating system's reason, as a person reads it. */
final class Failures {
  private Failures() {}

  /** The I/O failure at the root of {@code t}, if any (through wrapping runtime exceptions). */
  static Optional<IOException> io(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException io) {
        return Optional.of(io);
      }
      if (c instanceof UncheckedIOException u) {
        return Optional.of(u.getCause());
      }
    }
    return Optional.empty();
  }

  /** "Permission denied", "No space left on device", "File name too long"... without a Java class name. */
  static String reason(Throwable t) {
    IOException e = io(t).orElse(null);
    if (e == null) {
      return t.getMessage() == null ? "failed" : t.getMessage();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "Directory not empty";
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }

  /** The path an I/O failure names, if it names one. */
  static Optional<String> path(Throwable t) {
    return io(t).filter(FileSystemException.class::isInstance).map(e -> ((FileSystemException) e).getFile());
  }
}
