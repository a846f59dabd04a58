package org.svmsim.kernel.sim;

/**
 * A part of the host with a life of its own: hostd, vpxa, a VMX, the host's kernel. A started component
 * listens to the bus; a stopped one holds no subscription and its pending wake-ups do nothing
 * ({@link Subscriptions} keeps both). Starting again rebuilds its state from what a real one would find
 * (its files, the other components' answers), never from what it held in memory before it stopped.
 */
public interface Component {
  /** The component's name in logs and faults: {@code hostd}, {@code vpxa}. */
  String name();

  /** Subscribes and rebuilds; no effect when already running. */
  void start();

  /** Cancels every subscription and pending wake-up; no effect when already stopped. */
  void stop();

  boolean running();
}
