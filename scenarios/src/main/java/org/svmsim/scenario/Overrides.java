package org.svmsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the command line changes on top of a scenario file: {@code --seed}, {@code --method} (the method of
 * every relocate), {@code --fault} entries appended to the faults, and {@code --set path=value}
 * assignments, applied in that order, {@code --set} last.
 */
public record Overrides(OptionalLong seed, Optional<String> method, List<String> sets, List<String> faults) {
  private static final Overrides NONE = new Overrides(OptionalLong.empty(), Optional.empty(), List.of(), List.of());

  public Overrides {
    sets = List.copyOf(sets);
    faults = List.copyOf(faults);
  }

  public Overrides(OptionalLong seed, Optional<String> method, List<String> sets) {
    this(seed, method, sets, List.of());
  }

  public static Overrides none() {
    return NONE;
  }

  public Overrides withSeed(long s) {
    return new Overrides(OptionalLong.of(s), method, sets, faults);
  }

  public Overrides withMethod(String m) {
    return new Overrides(seed, Optional.of(m), sets, faults);
  }

  public Overrides withSet(String assignment) {
    List<String> more = new ArrayList<>(sets);
    more.add(assignment);
    return new Overrides(seed, method, more, faults);
  }

  /** Adds one {@code --fault KIND[:MODE]@WHEN} to the scenario's faults. */
  public Overrides withFault(String fault) {
    List<String> more = new ArrayList<>(faults);
    more.add(fault);
    return new Overrides(seed, method, sets, more);
  }
}
