package org.svmsim.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.svmsim.scenario.fault.FaultRules;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;

/**
 * The rules that span records: unique names and ids, references that resolve, a timeline in order that a
 * VM can follow (on before it moves, off only when on). Field rules stay in the records themselves.
 * Failures are {@link BadValueException}s whose field is the full path ({@code timeline[2].destination}).
 */
public final class ScenarioValidator {
  private ScenarioValidator() {}

  public static Scenario validate(Scenario s) {
    datastores(s.datastores());
    vms(s);
    timeline(s);
    FaultRules.validate(s);
    return s;
  }

  /** The datastore a name or uuid designates, if any. */
  public static Optional<DatastoreSpec> datastore(List<DatastoreSpec> all, String nameOrUuid) {
    return all.stream().filter(d -> d.name().equals(nameOrUuid) || d.uuid().equals(nameOrUuid)).findFirst();
  }

  private static void datastores(List<DatastoreSpec> all) {
    if (all.isEmpty()) {
      throw new BadValueException("datastores", "[]", "list at least one datastore");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      DatastoreSpec d = all.get(i);
      // Names and uuids share one namespace: a reference may use either.
      unique(seen, "datastores[" + i + "].name", d.name(), "names another datastore");
      if (!d.uuid().equals(d.name())) {
        unique(seen, "datastores[" + i + "].uuid", d.uuid(), "names another datastore");
      }
    }
  }

  private static void vms(Scenario s) {
    if (s.vms().isEmpty()) {
      throw new BadValueException("vms", "[]", "list at least one VM");
    }
    Set<String> names = new HashSet<>();
    Set<Integer> worlds = new HashSet<>(s.host().rescan().worlds());
    Set<Integer> pids = new HashSet<>();
    Set<String> handles = new HashSet<>();
    Map<String, Long> placed = new HashMap<>();
    for (int i = 0; i < s.vms().size(); i++) {
      VmSpec vm = s.vms().get(i);
      String at = "vms[" + i + "]";
      fits(s, vm, at, placed);
      unique(names, at + ".name", vm.name(), "names another VM");
      unique(worlds, at + ".worldId", vm.worldId(), "is another VM's or a rescan world's id");
      unique(pids, at + ".pid", vm.pid(), "is another VM's pid");
      if (datastore(s.datastores(), vm.datastore()).isEmpty()) {
        throw new BadValueException(at + ".datastore", vm.datastore(), "no datastore has that name or uuid");
      }
      if (vm.vcpus() > s.host().cpus()) {
        throw new BadValueException(at + ".vcpus", vm.vcpus(), "the host has " + s.host().cpus() + " cpus");
      }
      for (int k = 0; k < vm.disks().size(); k++) {
        DiskSpec disk = vm.disks().get(k);
        String d = at + ".disks[" + k + "]";
        if (vm.workload().ioSize().compareTo(disk.size()) > 0) {
          throw new BadValueException(at + ".workload.ioSize", vm.workload().ioSize(),
              "larger than " + d + ".size " + disk.size());
        }
        if (!disk.handle().isEmpty()) {
          unique(handles, d + ".handle", disk.handle(), "is another disk's file handle");
        }
        if (!disk.destinationHandle().isEmpty()) {
          unique(handles, d + ".destinationHandle", disk.destinationHandle(), "is another disk's file handle");
        }
      }
    }
  }

  /**
   * The VMs' disks are laid down on their datastores at the start, taking from {@code free} (a source
   * disk's every sector has content, so thin ones take their size too).
   */
  private static void fits(Scenario s, VmSpec vm, String at, Map<String, Long> placed) {
    DatastoreSpec ds = datastore(s.datastores(), vm.datastore()).orElse(null);
    if (ds == null) {
      return;
    }
    long need = vm.disks().stream().mapToLong(d -> d.size().bytes()).sum();
    long used = placed.merge(ds.uuid(), need, Long::sum);
    if (used > ds.free().bytes()) {
      throw new BadValueException(at + ".disks", vm.disks().size() + " disk(s) of " + ByteSize.ofBytes(need),
          "datastore " + ds.name() + " has only " + ds.free() + " free for the VMs placed on it");
    }
  }

  private static void timeline(Scenario s) {
    if (s.timeline().isEmpty()) {
      throw new BadValueException("timeline", "[]", "list at least one action (powerOn, relocate, powerOff):"
          + " a run without one has nothing to do");
    }
    Map<String, String> home = new HashMap<>();
    Set<String> on = new HashSet<>();
    s.vms().forEach(vm -> home.put(vm.name(), datastore(s.datastores(), vm.datastore()).orElseThrow().uuid()));
    for (int i = 0; i < s.timeline().size(); i++) {
      ActionSpec a = s.timeline().get(i);
      String at = "timeline[" + i + "]";
      if (i > 0 && a.at().compareTo(s.timeline().get(i - 1).at()) < 0) {
        throw new BadValueException(at + ".at", a.at(),
            "the timeline must be in order, and timeline[" + (i - 1) + "] is at " + s.timeline().get(i - 1).at());
      }
      if (!home.containsKey(a.vm())) {
        throw new BadValueException(at + ".vm", a.vm(), "no VM has that name");
      }
      switch (a.action()) {
        case "powerOn" -> {
          if (!on.add(a.vm())) {
            throw new BadValueException(at + ".action", a.action(), a.vm() + " is already on");
          }
        }
        case "powerOff" -> {
          if (!on.remove(a.vm())) {
            throw new BadValueException(at + ".action", a.action(), a.vm() + " is not on");
          }
        }
        default -> relocate(s, a, at, home, on);
      }
    }
  }

  private static void relocate(Scenario s, ActionSpec a, String at, Map<String, String> home, Set<String> on) {
    if (!on.contains(a.vm())) {
      throw new BadValueException(at + ".action", a.action(),
          a.vm() + " is not on: a Storage vMotion moves a running VM");
    }
    DatastoreSpec dest = datastore(s.datastores(), a.destination()).orElseThrow(
        () -> new BadValueException(at + ".destination", a.destination(), "no datastore has that name or uuid"));
    if (dest.uuid().equals(home.get(a.vm()))) {
      throw new BadValueException(at + ".destination", a.destination(), a.vm() + " is already there");
    }
    home.put(a.vm(), dest.uuid());
  }

  private static <T> void unique(Set<T> seen, String field, T value, String why) {
    if (!seen.add(value)) {
      throw new BadValueException(field, value, why);
    }
  }
}
