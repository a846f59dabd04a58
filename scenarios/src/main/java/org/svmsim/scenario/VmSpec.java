package org.svmsim.scenario;

import java.util.List;
import java.util.regex.Pattern;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;
import org.svmsim.scenario.unit.SimDuration;

/**
 * A VM: where it lives ({@code datastore}, by name or uuid), its identity in the logs (the VMX's world id
 * and pid, its BIOS uuid), its disks and its guest's I/O. {@code boot} is {@code drawn} (each power-on
 * takes its own time to a running guest) or a duration that pins it, to reproduce a real log.
 */
public record VmSpec(String name, String datastore, int vcpus, ByteSize memory, String guestOs, int worldId,
    int pid, String uuid, List<DiskSpec> disks, WorkloadSpec workload, String boot) {
  public static final String BOOT_DRAWN = "drawn";

  private static final Pattern NAME = Pattern.compile("[^/\\s]([^/]*[^/\\s])?");

  public VmSpec {
    Check.matches("name", name, NAME, "expected a VM name without '/' or surrounding blanks");
    Check.maxLength("name", name, 80, "an ESXi VM name");
    Check.nonBlank("datastore", datastore);
    Check.atLeast("vcpus", vcpus, 1);
    if (Check.present("memory", memory).bytes() <= 0) {
      throw new BadValueException("memory", memory, "must be positive");
    }
    Check.atMost("memory", memory, ByteSize.parse("24TiB"), "vSphere 8's largest VM");
    Check.atMost("vcpus", vcpus, 768, "vSphere 8's largest VM");
    Check.nonBlank("guestOs", guestOs);
    Check.atLeast("worldId", worldId, 1);
    Check.atLeast("pid", pid, 1);
    Check.nonBlank("uuid", uuid);
    disks = List.copyOf(Check.present("disks", disks));
    if (disks.isEmpty()) {
      throw new BadValueException("disks", "[]", "list at least one disk");
    }
    Check.present("workload", workload);
    bootNanos(boot);
  }

  /** The pinned boot time in nanoseconds, or -1 for {@code drawn}. */
  public long bootNanos() {
    return bootNanos(boot);
  }

  private static long bootNanos(String boot) {
    if (BOOT_DRAWN.equals(Check.present("boot", boot))) {
      return -1;
    }
    SimDuration d;
    try {
      d = SimDuration.parse(boot);
    } catch (BadValueException e) {
      throw new BadValueException("boot", boot, "expected drawn or a duration like 1.5s");
    }
    Check.atMost("boot", d, SimDuration.ofSeconds(3600), "an hour");
    return d.nanos();
  }
}
