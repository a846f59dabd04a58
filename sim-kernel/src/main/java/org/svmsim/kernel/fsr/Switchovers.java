package org.svmsim.kernel.fsr;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * The kernel's watch over fast suspend/resume switchovers (KB 1010045): a switchover still running when
 * {@code fsr.maxSwitchoverSeconds} have passed since it began is failed, and the VM should resume on the
 * source. The kernel, not the VMX, owns the limit, as the FSR and Migrate lines of DOMAIN.md section 4 show.
 * The kernel notices the limit a little after it passes, not on the nanosecond: its FSR check runs from
 * a timer of its own, so the failure (and the stop time the VMX logs) lands {@link #NOTICE_MIN_NANOS} to
 * {@link #NOTICE_MAX_NANOS} past it, and a switchover that ends within that margin is not failed. The
 * spread is a guess (a few timer ticks); no public log gives the check's period.
 */
public final class Switchovers {
  public static final long NOTICE_MIN_NANOS = VirtualTime.MILLISECOND;
  public static final long NOTICE_MAX_NANOS = 100 * VirtualTime.MILLISECOND;

  private final Bus bus;
  private final SimRandom random;
  private final Map<MigrationId, Running> running = new LinkedHashMap<>();

  private record Running(WorldId world, long maxNanos, Bus.Timer deadline) {}

  public Switchovers(Bus bus, SimRandom random) {
    this.bus = bus;
    this.random = random;
    bus.subscribe(KernelEvent.SwitchoverDeadline.class, this::deadline);
  }

  /** A switchover of migration {@code migrationId} begins now and must end within {@code maxNanos}. */
  public void begin(WorldId world, MigrationId migrationId, long maxNanos) {
    if (running.containsKey(migrationId)) {
      throw new IllegalStateException("migration " + migrationId + " is already switching over");
    }
    running.put(migrationId, new Running(world, maxNanos,
        bus.timer(maxNanos + noticeNanos(), new KernelEvent.SwitchoverDeadline(migrationId))));
  }

  /** How long past the limit the kernel's check notices it, in whole microseconds. */
  private long noticeNanos() {
    return random.nextLong(NOTICE_MIN_NANOS / VirtualTime.MICROSECOND, NOTICE_MAX_NANOS / VirtualTime.MICROSECOND)
        * VirtualTime.MICROSECOND;
  }

  /** The switchover ended (either way) before its deadline. */
  public void end(MigrationId migrationId) {
    Running r = running.remove(migrationId);
    if (r != null) {
      r.deadline().cancel();
    }
  }

  private void deadline(KernelEvent.SwitchoverDeadline e) {
    Running r = running.remove(e.migrationId());
    if (r != null) {
      bus.publish(new KernelEvent.SwitchoverTimedOut(r.world(), e.migrationId(),
          r.maxNanos() / VirtualTime.SECOND));
    }
  }
}
