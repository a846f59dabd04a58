package org.svmsim.run;

// STUB: replaced by lead

/** The outcome of one run, as summary.json holds it. */
public record RunSummary(String scenario, long seed, String method, String outcome) {
  public String oneLine() {
    return scenario + " seed " + seed + " " + method + ": " + outcome;
  }
}
