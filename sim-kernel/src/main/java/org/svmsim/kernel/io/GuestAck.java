package org.svmsim.kernel.io;

import java.util.function.Consumer;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.perf.IoCompletion;
import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.sim.Bus;

/**
 * The acknowledgement of one guest I/O, waiting for the datastore I/Os it was split into: the guest hears
 * {@code GuestIoCompleted} when the last of them completes (a mirrored write when both writes have), with
 * its latency from the moment the guest issued it, or {@code GuestIoFailed} when one of them failed. The
 * destination half of a mirrored write ({@link #SECONDARY} token) is the mirror's, not the guest's: its
 * failure goes to the mirror, and the guest's write completes from the source alone.
 */
public final class GuestAck implements IoCompletion {
  /** The token of a mirrored write's destination half. */
  public static final long SECONDARY = 1;

  private final Bus bus;
  private final GuestIo io;
  private final IoRoute route;
  private final boolean waited;
  private final long issuedAt;
  private int outstanding;
  private IoStatus status = IoStatus.OK;
  private Consumer<IoStatus> secondaryFailed;

  /** Waits for {@code parts} datastore I/Os of {@code io}, issued by the guest at {@code issuedAt}. */
  public GuestAck(Bus bus, GuestIo io, IoRoute route, boolean waited, long issuedAt, int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("a guest I/O is at least one datastore I/O");
    }
    this.bus = bus;
    this.io = io;
    this.route = route;
    this.waited = waited;
    this.issuedAt = issuedAt;
    this.outstanding = parts;
  }

  /** The I/O completing with token {@link #SECONDARY} is a mirror's copy: {@code onFailure} hears its failure. */
  public GuestAck secondary(Consumer<IoStatus> onFailure) {
    this.secondaryFailed = onFailure;
    return this;
  }

  @Override
  public void ioCompleted(long token, long arrivedAtNanos, IoStatus s) {
    if (!s.ok()) {
      if (token == SECONDARY && secondaryFailed != null) {
        secondaryFailed.accept(s);
      } else {
        status = status.and(s);
      }
    }
    if (--outstanding == 0) {
      end();
    }
  }

  /** The I/O failed before any datastore I/O of it was issued (the storage underneath threw). */
  public void failNow(IoStatus s) {
    status = status.and(s);
    outstanding = 0;
    end();
  }

  private void end() {
    if (status.ok()) {
      bus.publish(new KernelEvent.GuestIoCompleted(io.vm(), io.disk(), io.id(), io.write(), io.lba(),
          io.sectors(), io.tag(), route, waited, bus.now() - issuedAt));
    } else {
      bus.publish(new KernelEvent.GuestIoFailed(io.vm(), io.disk(), io.id(), io.write(), io.lba(),
          io.sectors(), io.tag(), status.text()));
    }
  }
}
