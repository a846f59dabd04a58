package org.svmsim.kernel.perf;

import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * One datastore as every host that uses it sees it: a shared service with {@code queueDepth} slots, a
 * per-I/O latency and one pipe of the datastore's bandwidth. Each I/O is a discrete event: it arrives,
 * waits for a slot, waits for the pipe, has its bytes moved through it, pays the latency (which overlaps
 * other I/Os' transfers) and completes, freeing its slot. Nothing is booked ahead: each decision is taken
 * when the slot or the pipe frees up, among the I/Os present then.
 *
 * <p>Both decisions use start-time fair queuing by bytes across streams (SFQ: Goyal, Vin and Cheng 1996;
 * for a device with D slots, SFQ(D): Jin, Chase and Kaur 2004). Each I/O's start tag is the later of the
 * service's virtual time and its stream's previous finish tag, its finish tag the start tag plus its bytes;
 * a free slot, and then the free pipe, go to the waiting I/O with the lowest start tag (ties to the earlier
 * arrival); the virtual time is the start tag of the transfer under way. So backlogged streams receive
 * equal bytes whatever their I/O sizes or how many I/Os each keeps outstanding, a stream that was idle is
 * served next without owing for its idle time, and a lone stream gets everything (work-conserving). Bytes
 * rather than I/Os (plain round-robin), because the pipe is what streams compete for: round-robin would
 * give a 1 MiB copy 256 times the bandwidth of a 4 KiB guest. The pipe too is scheduled fairly, not in
 * slot order, or a stream holding most of the slots would take most of the bandwidth. Equal weights, one
 * transfer at a time, whole: guesses, ESXi's own schedulers (mClock, SIOC) are not modelled.
 *
 * <p>An I/O costs one loop-internal wake-up (its completion), two when it had to wait for the pipe; no
 * observer sees them, nothing is recorded. Its object is reused once it has completed, so a 2 TiB copy's
 * millions of I/Os allocate nothing after the first few.
 */
public final class DatastoreService {
  private final Bus bus;
  private final String name;
  private final DatastorePerformance perf;
  private final DatastoreHealth health = new DatastoreHealth();
  private final LatencyMonitor latency;
  /** Streams with queued I/O, by their first I/O's (start tag, arrival). */
  private final TagHeap<IoStream> backlogged = new TagHeap<>();
  private final TagHeap<Io> waitingForPipe = new TagHeap<>();
  private final Bus.Wakeup pipeFree = this::pipeFreed;
  /** Completed I/Os, for reuse: a copy makes millions of I/Os, never more than its buffers at a time. */
  private Io free;
  private long pipeFreeAt;
  private boolean pipeWakePending;
  private int busySlots;
  private long virtualTime;
  private long arrivals;
  private long completedIos;
  private long completedBytes;
  /** Streams opened before the last {@link #dropStreams} belong to a host that is gone. */
  private long streamEpoch;
  // The last transfer time computed, for the next I/O of the same size at the same bandwidth (a copy's).
  private long lastBytes = -1;
  private long lastBytesPerSecond;
  private long lastTransfer;
  private long lastNominalBytes = -1;
  private long lastNominalTransfer;

  /**
   * One I/O: queued in its stream, then holding a slot until its completion wake-up. Reused once
   * completed (see {@link #free}): nothing keeps one after its completion.
   */
  static final class Io implements Bus.Wakeup {
    IoStream stream;
    long bytes;
    IoCompletion done;
    boolean write;
    long token;
    long arrivedAt;
    long seq;
    long startTag;
    long admittedAt;
    /** The next free I/O while this one is in the pool. */
    Io next;

    @Override
    public void wake() {
      stream.service.complete(this);
    }
  }

  public DatastoreService(Bus bus, String name, DatastorePerformance perf) {
    this.bus = bus;
    this.name = name;
    this.perf = perf;
    this.latency = new LatencyMonitor(bus, name);
  }

  /** A new flow of I/O into this datastore; {@code name} is for diagnostics. */
  public IoStream openStream(String streamName) {
    return new IoStream(this, streamName, streamEpoch);
  }

  /**
   * The host that opened every stream so far lost power: what its streams had queued or in service still
   * takes the datastore's time (the array does not know), but no completion is delivered to it, and what
   * they submit from now on is ignored.
   */
  public void dropStreams() {
    streamEpoch++;
  }

  private boolean dropped(IoStream s) {
    return s.epoch != streamEpoch;
  }

  void arrive(IoStream s, boolean write, long bytes, IoCompletion done, long token) {
    if (bytes < 0) {
      throw new IllegalArgumentException(s + ": negative I/O size " + bytes);
    }
    if (dropped(s)) {
      return;
    }
    long startTag = Math.max(virtualTime, s.lastFinishTag);
    s.lastFinishTag = startTag + bytes;
    Io io = free;
    if (io == null) {
      io = new Io();
    } else {
      free = io.next;
      io.next = null;
    }
    io.stream = s;
    io.write = write;
    io.bytes = bytes;
    io.done = done;
    io.token = token;
    io.arrivedAt = bus.now();
    io.seq = arrivals++;
    io.startTag = startTag;
    s.inFlight++;
    if (busySlots < perf.queueDepth() && backlogged.isEmpty()) {
      admit(io);
      return;
    }
    boolean wasIdle = s.queued.isEmpty();
    s.queued.add(io);
    if (wasIdle) {
      backlogged.add(io.startTag, io.seq, s);
    }
  }

  /** Free slots go to the queued I/Os with the lowest start tags. */
  private void fillSlots() {
    while (busySlots < perf.queueDepth() && !backlogged.isEmpty()) {
      IoStream s = backlogged.poll();
      Io io = s.queued.poll();
      Io head = s.queued.peek();
      if (head != null) {
        backlogged.add(head.startTag, head.seq, s);
      }
      admit(io);
    }
  }

  private void admit(Io io) {
    busySlots++;
    io.admittedAt = bus.now();
    if (bus.now() >= pipeFreeAt && waitingForPipe.isEmpty()) {
      transfer(io);
      return;
    }
    waitingForPipe.add(io.startTag, io.seq, io);
    if (!pipeWakePending) {
      pipeWakePending = true;
      bus.wakeAt(pipeFreeAt, pipeFree);
    }
  }

  /**
   * Moves {@code io}'s bytes now: its completion is then fixed. The pipe's own wake-up is needed only when
   * an I/O waits for it, so a lone stream costs one wake-up per I/O.
   */
  private void transfer(Io io) {
    virtualTime = Math.max(virtualTime, io.startTag);
    long now = bus.now();
    pipeFreeAt = now + transferNanos(io.bytes, health.bytesPerSecond(perf, now));
    bus.wakeAt(pipeFreeAt + health.latencyNanos(perf, now), io);
  }

  /** The pipe is free and I/Os wait for it: the one with the lowest start tag goes next. */
  private void pipeFreed() {
    pipeWakePending = false;
    transfer(waitingForPipe.poll());
    if (!waitingForPipe.isEmpty()) {
      pipeWakePending = true;
      bus.wakeAt(pipeFreeAt, pipeFree);
    }
  }

  private void complete(Io io) {
    IoStream s = io.stream;
    long bytes = io.bytes;
    IoCompletion done = io.done;
    long token = io.token;
    long arrivedAt = io.arrivedAt;
    boolean write = io.write;
    long admittedAt = io.admittedAt;
    io.stream = null;
    io.done = null;
    io.next = free;
    free = io;
    busySlots--;
    completedIos++;
    completedBytes += bytes;
    s.inFlight--;
    s.completedIos++;
    s.completedBytes += bytes;
    fillSlots();
    long now = bus.now();
    // What the device took beyond moving the I/O's own bytes at the datastore's nominal bandwidth: a large
    // I/O (a checkpoint) is not slow for being large, but a collapsed bandwidth shows.
    latency.completed(now, now - admittedAt - nominalTransferNanos(bytes));
    if (!dropped(s)) {
      done.ioCompleted(token, arrivedAt, health.status(write, now));
    }
  }

  /** {@link VirtualTime#transfer}, remembered for the next I/O of the same size and bandwidth. */
  private long transferNanos(long bytes, long bytesPerSecond) {
    if (bytes != lastBytes || bytesPerSecond != lastBytesPerSecond) {
      lastTransfer = VirtualTime.transfer(bytes, bytesPerSecond);
      lastBytes = bytes;
      lastBytesPerSecond = bytesPerSecond;
    }
    return lastTransfer;
  }

  private long nominalTransferNanos(long bytes) {
    if (bytes != lastNominalBytes) {
      lastNominalTransfer = VirtualTime.transfer(bytes, perf.bytesPerSecond());
      lastNominalBytes = bytes;
    }
    return lastNominalTransfer;
  }

  /** Reads of this datastore complete with {@code status} until {@code untilNanos} (an injected fault). */
  public void failReads(long untilNanos, IoStatus status) {
    health.failReads(untilNanos, status);
  }

  /** Writes to this datastore complete with {@code status} until {@code untilNanos} (an injected fault). */
  public void failWrites(long untilNanos, IoStatus status) {
    health.failWrites(untilNanos, status);
  }

  /**
   * The datastore's service collapses until {@code untilNanos}: each I/O's latency is {@code latencyTimes}
   * what it was, the bandwidth a {@code bandwidthDividedBy}-th (an injected fault: a failing array path).
   */
  public void slow(double latencyTimes, double bandwidthDividedBy, long untilNanos) {
    health.slow(latencyTimes, bandwidthDividedBy, untilNanos);
  }

  public String name() {
    return name;
  }

  public DatastorePerformance performance() {
    return perf;
  }

  /** I/Os in service now (at most the queue depth). */
  public int busySlots() {
    return busySlots;
  }

  public long completedIos() {
    return completedIos;
  }

  public long completedBytes() {
    return completedBytes;
  }
}
