package org.svmsim.kernel.log;

/**
 * One message family of a log's catalog: its name (the enum constant), where its wording comes from, and
 * the template that renders the message and recognises it in any log, svmsim's or a real host's.
 */
public interface CatalogEntry {
  /** The family's name, as explain prints it. */
  String name();

  Provenance provenance();

  MessageTemplate template();
}
