package org.svmsim.kernel.log;

/**
 * Where a catalog entry's wording comes from: {@code REAL} when the family is seen in a real ESXi log
 * (the entry's comment cites the file under {@code ../shared/real-lines/} or DOMAIN.md), {@code SVMSIM}
 * when nothing real is public and the wording is svmsim's own, in ESXi's manner.
 */
public enum Provenance {
  REAL, SVMSIM;

  /** {@code real} or {@code svmsim}, as explain prints it. */
  public String text() {
    return this == REAL ? "real" : "svmsim";
  }
}
