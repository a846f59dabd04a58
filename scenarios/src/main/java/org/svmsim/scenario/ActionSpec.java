package org.svmsim.scenario;

import org.svmsim.kernel.config.Method;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.SimDuration;

/**
 * One timeline entry: at offset {@code at} from the start, do {@code action} to {@code vm}. {@code method},
 * {@code destination} (a datastore name or uuid) and {@code options} matter to relocates only; the
 * defaults fill them for every action, and a destination on any other action is refused as a likely slip.
 */
public record ActionSpec(SimDuration at, String action, String vm, String method, String destination,
    RelocateOptions options) {
  public ActionSpec {
    Check.atMost("at", at, SimDuration.ofSeconds(30L * 24 * 3600), "a timeline spans at most 30 days");
    Check.oneOf("action", action, "powerOn", "relocate", "powerOff");
    Check.nonBlank("vm", vm);
    Check.oneOf("method", method, Method.ids().toArray(String[]::new));
    Check.present("destination", destination);
    if (action.equals("relocate") && destination.isBlank()) {
      throw new BadValueException("destination", destination, "a relocate needs a datastore name or uuid");
    }
    if (!action.equals("relocate") && !destination.isEmpty()) {
      throw new BadValueException("destination", destination, "only a relocate has a destination");
    }
    Check.present("options", options);
  }

  public boolean relocates() {
    return action.equals("relocate");
  }
}
