package org.svmsim.kernel.io;

import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.perf.IoCompletion;
import org.svmsim.kernel.sim.Bus;

/**
 * The acknowledgement of one guest I/O, waiting for the datastore I/Os it was split into: the guest hears
 * {@code GuestIoCompleted} when the last of them completes (a mirrored write when both writes have), with
 * its latency from the moment the guest issued it.
 */
public final class GuestAck implements IoCompletion {
  private final Bus bus;
  private final GuestIo io;
  private final IoRoute route;
  private final boolean waited;
  private final long issuedAt;
  private int outstanding;

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

  @Override
  public void ioCompleted(long token, long arrivedAtNanos) {
    if (--outstanding == 0) {
      bus.publish(new KernelEvent.GuestIoCompleted(io.vm(), io.disk(), io.id(), io.write(), io.lba(),
          io.sectors(), io.tag(), route, waited, bus.now() - issuedAt));
    }
  }
}
