package org.svmsim.kernel.log;

import java.util.SortedMap;
import org.svmsim.kernel.sim.Observer;

/**
 * Turns facts into the lines of the log files its component owns. A renderer depends on the events it
 * has seen and nothing else, so replaying {@code events.jsonl} through it gives byte-identical files.
 */
public interface LogRenderer extends Observer {
  /** The files rendered so far: path relative to the output root (e.g. {@code var/log/vmkernel.log}) to text. */
  SortedMap<String, String> files();
}
