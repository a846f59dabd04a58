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
  /** Plain printable ASCII, as the reader saw it. */
  boolean ascii;
  /** The catalog's reading: the family (null if none), the message in normal form, the vmkernel module. */
  CatalogEntry family;
  String normal;
  String module;
  /** A continuation line without a family of its own takes its head's. */
  boolean inherited;

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
  }
}
