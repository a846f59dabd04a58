package org.svmsim.kernel.perf;

/**
 * Told when one I/O has completed (the clock reads its completion time), and how: {@link IoStatus#OK} or
 * the vmkernel status it failed with. {@code token} is the submitter's, handed back untouched, so one
 * object can wait for many I/Os without a lambda per I/O.
 */
@FunctionalInterface
public interface IoCompletion {
  void ioCompleted(long token, long arrivedAtNanos, IoStatus status);
}
