package org.svmsim.scenario;

import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.SimDuration;

/**
 * How far a run may go before it is stopped with outcome {@code aborted}: {@code overrun}, the virtual
 * time it may go on past its timeline's last action, and {@code events}, the events it may dispatch. Both
 * are virtual measures, so an aborted run is as deterministic as a finished one.
 */
public record LimitsSpec(SimDuration overrun, long events) {
  /** A year of virtual time. */
  public static final SimDuration MAX_OVERRUN = SimDuration.ofSeconds(365L * 24 * 3600);
  public static final long MAX_EVENTS = 1_000_000_000L;
  public static final long MIN_EVENTS = 1_000L;
  /** The defaults of defaults.yaml, for scenarios built in code (a test checks that the two agree). */
  public static final LimitsSpec DEFAULT = new LimitsSpec(SimDuration.ofSeconds(24 * 3600), 2_000_000);

  public LimitsSpec {
    if (Check.present("overrun", overrun).nanos() <= 0 || overrun.compareTo(MAX_OVERRUN) > 0) {
      throw new BadValueException("overrun", overrun, "must be above 0 and at most " + MAX_OVERRUN + " (a year)");
    }
    if (events < MIN_EVENTS || events > MAX_EVENTS) {
      throw new BadValueException("events", events, "must be within " + MIN_EVENTS + ".." + MAX_EVENTS);
    }
  }
}
