package org.svmsim.explain;

import org.svmsim.kernel.log.CatalogEntry;

/** What the layout of one line says: reused from line to line of a file, so it is mutable. */
final class ParsedLine {
  String text;
  long lineNo;
  Layout layout;
  Component component;
  /** Epoch milliseconds, or {@link Timestamps#NONE}. */
  long time;
  /** What the catalog reads: after {@code cpuN:world)} for vmkernel, the message for the others. */
  String message;
  String thread;
  String sub;
  String opId;
  boolean truncated;
  /** A syslog header stood in front of the layout (a copy kept by a syslog server). */
  boolean forwarded;
  /** Set when explain failed on the line (a bug): the note shown instead of a reading. */
  String failure;
  /** Plain printable ASCII, as the reader saw it. */
  boolean ascii;
  /**
   * The catalog's reading: the family (null if none), the message in normal form, and the module: the
   * vmkernel module, the vmware.log subsystem before its colon, the agent's {@code sub=} or context.
   */
  CatalogEntry family;
  String normal;
  String module;
  /** A continuation line without a family of its own takes its head's. */
  boolean inherited;

  /** The layout's id, {@code syslog/} in front when a syslog header came first; null if none. */
  String layoutId() {
    return layout == null ? null : forwarded ? "syslog/" + layout.id() : layout.id();
  }

  void reset(String text, long lineNo) {
    this.text = text;
    this.lineNo = lineNo;
    layout = null;
    component = null;
    time = Timestamps.NONE;
    message = null;
    thread = null;
    sub = null;
    opId = null;
    family = null;
    normal = null;
    module = null;
    inherited = false;
    forwarded = false;
    failure = null;
  }
}
