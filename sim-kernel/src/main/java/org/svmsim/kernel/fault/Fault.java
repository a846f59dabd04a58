package org.svmsim.kernel.fault;

import org.svmsim.kernel.id.VmId;

/**
 * One fault of a run's plan: what goes wrong ({@code kind}, made precise by {@code mode}), when
 * ({@code when}), and whose migration it strikes ({@code vm}: its copy progress and phases time the
 * trigger, and the components it hits are those serving that VM's relocate).
 */
public record Fault(FaultKind kind, FaultMode mode, FaultTrigger when, VmId vm) {
  public Fault {
    if (kind == null || mode == null || when == null || vm == null) {
      throw new IllegalArgumentException("a fault needs a kind, a mode, a trigger and a VM");
    }
    mode = kind.resolve(mode);
  }

  /** Whether the fault lasts once struck (an I/O error that stays, a lock never released). */
  public boolean persistent() {
    return mode != FaultMode.TRANSIENT;
  }

  /** As the command line spells it: {@code dest-write-error:persistent@40%}. */
  public String spelled() {
    return kind.id() + (mode == FaultMode.DEFAULT ? "" : ":" + mode.id()) + "@" + when;
  }
}
