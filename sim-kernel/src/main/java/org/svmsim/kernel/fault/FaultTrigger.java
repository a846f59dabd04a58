package org.svmsim.kernel.fault;

import org.svmsim.kernel.sim.VirtualTime;

/**
 * When a fault strikes: at a virtual time ({@code value} nanoseconds from the start), when the migration's
 * copy reaches a progress ({@code value} in hundredths of a percent, 0..10000), or as the VMX enters an
 * SVMotion phase ({@code value} the phase number).
 */
public record FaultTrigger(On on, long value) {
  /** What a trigger waits for. */
  public enum On {
    TIME,
    PROGRESS,
    PHASE
  }

  public static final long FULL = 10_000;

  public FaultTrigger {
    if (on == null) {
      throw new IllegalArgumentException("a trigger needs a kind");
    }
    if (value < 0 || (on == On.PROGRESS && value > FULL)) {
      throw new IllegalArgumentException("bad " + on + " trigger value " + value);
    }
  }

  public static FaultTrigger atTime(long nanos) {
    return new FaultTrigger(On.TIME, nanos);
  }

  /** At {@code hundredths} hundredths of a percent of the copy: 4000 is 40 %. */
  public static FaultTrigger atProgress(long hundredths) {
    return new FaultTrigger(On.PROGRESS, hundredths);
  }

  public static FaultTrigger atPhase(int phase) {
    return new FaultTrigger(On.PHASE, phase);
  }

  /** Whether {@code copied} of {@code total} sectors reaches this progress trigger. */
  public boolean reached(long copied, long total) {
    // Sector counts stay below 2^43 (a 2 TiB disk is 2^32 sectors), so neither product overflows.
    return on == On.PROGRESS && total > 0 && copied * FULL >= value * total;
  }

  @Override
  public String toString() {
    return switch (on) {
      case TIME -> VirtualTime.format(value);
      case PROGRESS -> value / 100 + (value % 100 == 0 ? "" : String.format(".%02d", value % 100)) + "%";
      case PHASE -> "phase" + value;
    };
  }
}
