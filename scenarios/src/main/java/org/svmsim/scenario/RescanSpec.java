package org.svmsim.scenario;

import java.util.List;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.SimDuration;

/**
 * When the host rescans its devices (the probes that log "Busy" for an open mirror device). {@code at}
 * pins the rescans at offsets from the start, to reproduce a real log; when empty, the first comes after
 * {@code first} and the next ones every {@code minInterval..maxInterval}. {@code worlds} run them.
 */
public record RescanSpec(SimDuration first, SimDuration minInterval, SimDuration maxInterval,
    List<SimDuration> at, List<Integer> worlds) {
  public RescanSpec {
    SimDuration day = SimDuration.ofSeconds(24 * 3600);
    Check.atMost("first", first, day, "a day");
    if (Check.present("minInterval", minInterval).nanos() < 1_000_000_000L) {
      throw new BadValueException("minInterval", minInterval, "must be at least 1s (real hosts rescan every few minutes)");
    }
    Check.atMost("maxInterval", maxInterval, day, "a day");
    if (Check.present("maxInterval", maxInterval).compareTo(minInterval) < 0) {
      throw new BadValueException("maxInterval", maxInterval, "must not be less than minInterval " + minInterval);
    }
    at = List.copyOf(Check.present("at", at));
    for (int i = 1; i < at.size(); i++) {
      if (at.get(i).compareTo(at.get(i - 1)) <= 0) {
        throw new BadValueException("at[" + i + "]", at.get(i), "must come after at[" + (i - 1) + "] " + at.get(i - 1));
      }
    }
    worlds = List.copyOf(Check.present("worlds", worlds));
    if (worlds.isEmpty()) {
      throw new BadValueException("worlds", "[]", "name at least one world id");
    }
    for (int i = 0; i < worlds.size(); i++) {
      Check.atLeast("worlds[" + i + "]", worlds.get(i), 1);
      if (worlds.indexOf(worlds.get(i)) != i) {
        throw new BadValueException("worlds[" + i + "]", worlds.get(i), "listed twice");
      }
    }
  }
}
