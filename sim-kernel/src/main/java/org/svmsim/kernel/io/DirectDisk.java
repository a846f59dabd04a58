package org.svmsim.kernel.io;

import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.perf.IoStream;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;

/** A disk file on one datastore, no mirror: each guest I/O is one I/O on the disk's stream there. */
public final class DirectDisk implements DiskPath {
  private final Bus bus;
  private final BlockStore store;
  private final IoStream stream;

  /** {@code stream} is this disk's flow into its datastore's service, shared with every other flow. */
  public DirectDisk(Bus bus, BlockStore store, IoStream stream) {
    this.bus = bus;
    this.store = store;
    this.stream = stream;
  }

  @Override
  public void submit(GuestIo io) {
    GuestAck ack = new GuestAck(bus, io, IoRoute.DIRECT, false, bus.now(), 1);
    if (!io.write()) {
      stream.read(io.bytes(), ack, 0);
      return;
    }
    try {
      store.write(io.lba(), io.sectors(), io.tag());
    } catch (RuntimeException e) {
      ack.failNow(IoStatus.of(e));
      return;
    }
    stream.write(io.bytes(), ack, 0);
  }

  @Override
  public BlockStore store() {
    return store;
  }
}
