package org.svmsim.run;

import java.util.List;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.sim.Event;
import org.svmsim.vmx.config.VmConfig;

/** Everything a run needs, as the components take it: what a scenario resolves to. */
public record SimulationSpec(String scenario, long seed, String method, long startEpochMillis,
    HostConfig host, List<DatastoreConfig> datastores, List<VmConfig> vms, List<Timed> timeline) {

  /** A timeline action: {@code event} is put on the bus at virtual time {@code atNanos}. */
  public record Timed(long atNanos, Event event) {}

  public SimulationSpec {
    datastores = List.copyOf(datastores);
    vms = List.copyOf(vms);
    timeline = List.copyOf(timeline);
  }
}
