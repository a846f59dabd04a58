package org.svmsim.kernel.io;

import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.perf.IoQueue;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;

/** A disk file on one datastore, no mirror: I/O pays that datastore's queue. */
public final class DirectDisk implements DiskPath {
  private final Bus bus;
  private final BlockStore store;
  private final IoQueue queue;

  public DirectDisk(Bus bus, BlockStore store, IoQueue queue) {
    this.bus = bus;
    this.store = store;
    this.queue = queue;
  }

  @Override
  public void submit(GuestIo io) {
    long now = bus.now();
    if (io.write()) {
      store.write(io.lba(), io.sectors(), io.tag());
    }
    long done = queue.submit(now, io.bytes());
    bus.scheduleAt(done, new KernelEvent.GuestIoCompleted(io.vm(), io.disk(), io.id(), io.write(), io.lba(),
        io.sectors(), io.tag(), IoRoute.DIRECT, false, done - now));
  }

  @Override
  public BlockStore store() {
    return store;
  }
}
