package org.svmsim.kernel.event;

import org.svmsim.kernel.sim.Event;

/** Facts about the run itself. */
public sealed interface RunEvent extends Event {

  /**
   * The first event of every run: what renderers need to turn virtual time into wall-clock timestamps
   * ({@code startEpochMillis} is virtual time zero) and to seed their own cosmetic choices.
   */
  record RunStarted(String scenario, long seed, String method, long startEpochMillis, String hostname,
      String esxVersion, String esxBuild, int cpus) implements RunEvent {}

  /** The last event of every run. */
  record RunFinished(String outcome, String failureReason) implements RunEvent {}
}
