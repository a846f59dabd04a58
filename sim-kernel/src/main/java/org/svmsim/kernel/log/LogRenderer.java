package org.svmsim.kernel.log;

import java.util.SortedMap;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;

/**
 * Turns facts into the lines of the log files its component owns. A renderer depends on the events it
 * has seen and nothing else, so replaying {@code events.jsonl} through it gives byte-identical files.
 */
public interface LogRenderer extends Observer {
  /**
   * No log line is rendered from a guest I/O or a copied chunk (the I/O statistics lines come from {@code
   * SvmMirrorStats}): renderers do not see them in a run. A renderer that comes to need one overrides
   * this. {@code SeedRunTest} replays every event through the renderers and compares the logs.
   */
  @Override
  default boolean observes(Class<? extends Event> type) {
    return type != VmxEvent.GuestIoIssued.class && type != KernelEvent.GuestIoCompleted.class
        && type != KernelEvent.ChunkCopied.class;
  }

  /** The files rendered so far: path relative to the output root (e.g. {@code var/log/vmkernel.log}) to text. */
  SortedMap<String, String> files();
}
