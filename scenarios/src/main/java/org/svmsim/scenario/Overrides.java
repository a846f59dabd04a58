package org.svmsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the command line changes on top of a scenario file: {@code --seed}, {@code --method} (the method of
 * every relocate) and {@code --set path=value} assignments, applied in that order, {@code --set} last.
 */
public record Overrides(OptionalLong seed, Optional<String> method, List<String> sets) {
  private static final Overrides NONE = new Overrides(OptionalLong.empty(), Optional.empty(), List.of());

  public Overrides {
    sets = List.copyOf(sets);
  }

  public static Overrides none() {
    return NONE;
  }

  public Overrides withSeed(long s) {
    return new Overrides(OptionalLong.of(s), method, sets);
  }

  public Overrides withMethod(String m) {
    return new Overrides(seed, Optional.of(m), sets);
  }

  public Overrides withSet(String assignment) {
    List<String> more = new ArrayList<>(sets);
    more.add(assignment);
    return new Overrides(seed, method, more);
  }
}
