package org.svmsim.kernel.copy.mover;

import org.svmsim.kernel.perf.IoCompletion;
import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.perf.IoStream;
import org.svmsim.kernel.sim.Bus;

/**
 * One byte range on its way from a source disk to a destination disk through a data mover: the kernel's
 * copy primitive, which every method's copy (a mirror chunk, a DBT pass's dirty run, a consolidation) is
 * made of. The mover issues its I/Os one at a time as buffers free up, at most {@link DataMover#buffers()}
 * in flight, each buffer cycling read (source stream), software cost, write (destination stream), software
 * cost. Nothing is booked ahead: each I/O meets the datastore as it is then, other streams included.
 * Timing only; the caller moves the content.
 */
public final class RangeCopy implements IoCompletion, Bus.Wakeup {
  /** How a range copy ended. */
  public enum Status {
    /** The last byte is on the destination. */
    COPIED,
    /** {@link #cancel()} was called; the I/Os already in flight have drained. */
    CANCELLED,
    /**
     * An I/O completed with an error ({@link #failure()}, on the side {@link #failedWrite()} names): the
     * mover issued no more, and the I/Os in flight have drained. The range did not land.
     */
    FAILED
  }

  /** Told once, when the copy ends: the clock reads the time, {@code token} is the caller's. */
  @FunctionalInterface
  public interface Done {
    void rangeCopied(long token, long atNanos, Status status);
  }

  /** Pending wake-up actions: a positive length is a write to issue, FREE a buffer coming back. */
  private static final long FREE = 0;
  private static final long END = -1;

  private final Bus bus;
  private final DataMover mover;
  private final IoStream source;
  private final IoStream destination;
  private final long bytes;
  private final Done done;
  private final long token;
  private final long[] pending;
  private int head;
  private int size;
  private long issued;
  private long landed;
  private int busy;
  private boolean cancelled;
  private boolean finished;
  private IoStatus failure = IoStatus.OK;
  private boolean failedWrite;

  private RangeCopy(Bus bus, DataMover mover, IoStream source, IoStream destination, long bytes, Done done,
      long token) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative copy length " + bytes);
    }
    this.bus = bus;
    this.mover = mover;
    this.source = source;
    this.destination = destination;
    this.bytes = bytes;
    this.done = done;
    this.token = token;
    this.pending = new long[mover.buffers() + 1];
  }

  /**
   * Starts copying {@code bytes} through {@code mover}, reading on {@code source} (unused by offload) and
   * writing on {@code destination}; {@code done} hears, with {@code token}, when the last byte has landed.
   */
  public static RangeCopy start(Bus bus, DataMover mover, IoStream source, IoStream destination, long bytes,
      Done done, long token) {
    RangeCopy c = new RangeCopy(bus, mover, source, destination, bytes, done, token);
    if (bytes == 0) {
      c.later(END, 0);
    } else {
      c.fill();
    }
    return c;
  }

  /** Issues no more I/O; {@code done} hears CANCELLED once what is in flight has drained. */
  public void cancel() {
    if (cancelled || finished) {
      return;
    }
    cancelled = true;
    if (busy == 0) {
      later(END, 0);
    }
  }

  public long bytes() {
    return bytes;
  }

  /** Bytes already on the destination. */
  public long landed() {
    return landed;
  }

  public boolean finished() {
    return finished;
  }

  /** The status of the first I/O that failed; {@link IoStatus#OK} while none has. */
  public IoStatus failure() {
    return failure;
  }

  /** Whether that I/O was a write of the destination (else a read of the source). */
  public boolean failedWrite() {
    return failedWrite;
  }

  private void fill() {
    while (!cancelled && busy < mover.buffers() && issued < bytes) {
      long len = Math.min(mover.ioBytes(), bytes - issued);
      issued += len;
      busy++;
      if (mover.readsSource()) {
        source.read(len, this, len);
      } else {
        destination.write(len, this, -len);
      }
    }
  }

  @Override
  public void ioCompleted(long ioToken, long arrivedAtNanos, IoStatus status) {
    if (!status.ok()) {
      // The mover stops at its first failed I/O, as on a cancel, and reports it once the rest drained.
      if (failure.ok()) {
        failure = status;
        failedWrite = ioToken < 0;
      }
      cancelled = true;
      release();
      return;
    }
    if (ioToken > 0) {
      // A read is in the buffer: after the mover's cost, write it out.
      if (cancelled) {
        release();
      } else if (mover.perIoNanos() > 0) {
        later(ioToken, mover.perIoNanos());
      } else {
        destination.write(ioToken, this, -ioToken);
      }
      return;
    }
    landed -= ioToken;
    if (mover.perIoNanos() > 0) {
      later(FREE, mover.perIoNanos());
    } else {
      release();
    }
  }

  @Override
  public void wake() {
    long action = pending[head];
    head = (head + 1) % pending.length;
    size--;
    if (action == END) {
      finish(ended());
    } else if (action == FREE || cancelled) {
      release();
    } else {
      destination.write(action, this, -action);
    }
  }

  /** A buffer is free again: reuse it, or end the copy. */
  private void release() {
    busy--;
    if (landed == bytes && !cancelled) {
      finish(Status.COPIED);
    } else if (cancelled) {
      if (busy == 0) {
        finish(ended());
      }
    } else {
      fill();
    }
  }

  private Status ended() {
    return !failure.ok() ? Status.FAILED : cancelled ? Status.CANCELLED : Status.COPIED;
  }

  /** Every wake-up of one copy has the same delay, so they fire in the order they are queued here. */
  private void later(long action, long delayNanos) {
    pending[(head + size) % pending.length] = action;
    size++;
    bus.wakeAt(bus.now() + delayNanos, this);
  }

  private void finish(Status status) {
    if (!finished) {
      finished = true;
      done.rangeCopied(token, bus.now(), status);
    }
  }
}
