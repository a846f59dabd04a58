package org.svmsim.vmx.guest;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The guest's side of its virtual SCSI adapter: at most {@code depth} I/Os in flight, as a real guest
 * driver holds (the paravirtual SCSI adapter's default queue depth is 32). The guest is closed-loop: an
 * I/O that finds every slot taken waits for a completion, and the workload draws its next arrival only
 * once that I/O has gone out, so an oversubscribed datastore slows the guest down instead of growing a
 * queue without end. Records how long I/Os waited for a slot. Pure: the caller passes the virtual time.
 *
 * @param <T> what the caller queues (the issued-I/O event)
 */
public final class AdapterQueue<T> {
  private final int depth;
  private final Deque<Waiting<T>> waiting = new ArrayDeque<>();
  private long inFlight;
  private long throttled;
  private long throttledNanos;

  private record Waiting<T>(T io, long sinceNanos) {}

  public AdapterQueue(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("adapter queue depth must be at least 1, was " + depth);
    }
    this.depth = depth;
  }

  /** True when {@code io} may go out now (a slot is taken); false when it waits for a completion. */
  public boolean admit(T io, long nowNanos) {
    if (inFlight < depth) {
      inFlight++;
      return true;
    }
    waiting.add(new Waiting<>(io, nowNanos));
    throttled++;
    return false;
  }

  /** An I/O completed: its slot is free. */
  public void completed() {
    if (inFlight <= 0) {
      throw new IllegalStateException("a completion with no I/O in flight");
    }
    inFlight--;
  }

  /** The longest-waiting I/O, now given a slot, or null when none waits or no slot is free. */
  public T release(long nowNanos) {
    if (waiting.isEmpty() || inFlight >= depth) {
      return null;
    }
    Waiting<T> w = waiting.poll();
    inFlight++;
    throttledNanos += nowNanos - w.sinceNanos();
    return w.io();
  }

  /** The guest stopped (powered off): I/Os still waiting are never sent, so never acknowledged. */
  public void dropWaiting() {
    waiting.clear();
  }

  public long inFlight() {
    return inFlight;
  }

  /** How many I/Os found the queue full and waited. */
  public long throttled() {
    return throttled;
  }

  /** Their total wait for a slot, in virtual nanoseconds. */
  public long throttledNanos() {
    return throttledNanos;
  }
}
