package org.svmsim.kernel.perf;

import java.util.ArrayDeque;

/**
 * One flow of I/O into one datastore: a guest disk, a copy pass, a consolidation. The datastore shares its
 * service fairly between its streams (see {@link DatastoreService}); within a stream, I/Os start in
 * arrival order. Opened with {@link DatastoreService#openStream}; a stream with nothing queued costs
 * nothing, so there is no need to close one.
 */
public final class IoStream {
  final DatastoreService service;
  final String name;
  /** The service's stream epoch when opened: an older one belongs to a host that lost power. */
  final long epoch;
  final ArrayDeque<DatastoreService.Io> queued = new ArrayDeque<>();
  /** The SFQ finish tag of this stream's last arrival, in bytes of virtual service. */
  long lastFinishTag;
  int inFlight;
  long completedIos;
  long completedBytes;

  IoStream(DatastoreService service, String name, long epoch) {
    this.service = service;
    this.name = name;
    this.epoch = epoch;
  }

  /**
   * Hands the datastore one read of {@code bytes}, arriving now; {@code done} is told when it completes,
   * with its status. Nothing is booked: the I/O waits for a queue slot, then for the bandwidth, behind
   * what came before.
   */
  public void read(long bytes, IoCompletion done, long token) {
    service.arrive(this, false, bytes, done, token);
  }

  /** Hands the datastore one write of {@code bytes}, as {@link #read} does a read. */
  public void write(long bytes, IoCompletion done, long token) {
    service.arrive(this, true, bytes, done, token);
  }

  public DatastoreService service() {
    return service;
  }

  public String name() {
    return name;
  }

  /** I/Os submitted and not yet completed: queued or in service. */
  public int inFlight() {
    return inFlight;
  }

  public long completedIos() {
    return completedIos;
  }

  public long completedBytes() {
    return completedBytes;
  }

  @Override
  public String toString() {
    return service.name() + "/" + name;
  }
}
