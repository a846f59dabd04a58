package org.svmsim.kernel.perf;

import java.io.UncheckedIOException;
import org.svmsim.kernel.log.Statuses;

/**
 * How one I/O completed: {@link #OK}, or failed with a vmkernel status ({@code text} as vmkernel prints
 * it, "IO was aborted"; {@link #word()} its status word, {@code 0xbad00e0}). Every completion carries one,
 * so whoever waits for an I/O decides what a failure means to it: a copy chunk is retried, a mirrored
 * write fails the mirror, a guest read fails back to the guest.
 */
public record IoStatus(String text) {
  /** VMK_OK: vmkernel prints "Success". */
  public static final IoStatus OK = new IoStatus("Success");

  public IoStatus {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a status needs its text");
    }
  }

  public static IoStatus failed(String statusText) {
    return new IoStatus(statusText);
  }

  public boolean ok() {
    return this == OK || OK.text.equals(text);
  }

  /** The status word vmkernel prints beside the text: {@code 0x0} for success. */
  public String word() {
    return ok() ? "0x0" : Statuses.word(text);
  }

  /** The worse of two statuses: the first failure, else OK. */
  public IoStatus and(IoStatus other) {
    return ok() ? other : this;
  }

  /**
   * The failed I/O an exception of the storage underneath stands for, or the exception again when it is
   * not an I/O failure but a bug (a broken invariant stays a bug). A backing file that cannot be read or
   * written is a failed I/O (a generic failure, {@code 0xbad0001}).
   */
  public static IoStatus of(RuntimeException e) {
    if (e instanceof UncheckedIOException) {
      return failed(Statuses.FAILURE);
    }
    throw e;
  }

  @Override
  public String toString() {
    return text + " (" + word() + ")";
  }
}
