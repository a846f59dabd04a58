package org.svmsim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.svmsim.scenario.fault.FaultSpec;

/**
 * One simulated run, fully resolved: defaults merged, overrides applied. {@code start} is the wall-clock
 * instant (UTC) that virtual time zero stands for in the logs; {@code timeline} offsets count from it.
 * {@code description} is the one line {@code svmsim list} shows; {@code lesson} is a paragraph saying what
 * the scenario teaches and what to look for in its logs and report. {@code faults} are injected into its
 * relocates ({@link FaultSpec}); {@code limits} bound the run ({@link LimitsSpec}). Field rules live in each
 * record; rules across records in {@link ScenarioValidator}.
 */
public record Scenario(String name, String description, String lesson, long seed, Instant start, HostSpec host,
    List<DatastoreSpec> datastores, List<VmSpec> vms, List<ActionSpec> timeline, LimitsSpec limits,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FaultSpec> faults) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public Scenario {
    Check.matches("name", name, NAME, "expected letters, digits, '.', '_' or '-' (it names the run directory)");
    Check.maxLength("name", name, 80, "a scenario name");
    Check.oneLine("description", description);
    Check.present("lesson", lesson);
    Check.present("start", start);
    Check.present("host", host);
    datastores = List.copyOf(Check.present("datastores", datastores));
    vms = List.copyOf(Check.present("vms", vms));
    timeline = List.copyOf(Check.present("timeline", timeline));
    faults = faults == null ? List.of() : List.copyOf(faults);
    Check.present("limits", limits);
  }

  /** A scenario without faults, within the default limits. */
  public Scenario(String name, String description, String lesson, long seed, Instant start, HostSpec host,
      List<DatastoreSpec> datastores, List<VmSpec> vms, List<ActionSpec> timeline) {
    this(name, description, lesson, seed, start, host, datastores, vms, timeline, LimitsSpec.DEFAULT, List.of());
  }

  /** The methods of the relocate actions, in timeline order, without repeats. */
  public List<String> relocateMethods() {
    return timeline.stream().filter(ActionSpec::relocates).map(ActionSpec::method).distinct().toList();
  }
}
