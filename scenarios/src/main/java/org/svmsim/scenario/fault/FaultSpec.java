package org.svmsim.scenario.fault;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.svmsim.kernel.fault.FaultKind;
import org.svmsim.kernel.fault.FaultMode;
import org.svmsim.kernel.fault.FaultTrigger;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.SimDuration;
import org.svmsim.vmx.svmotion.Phase;

/**
 * One entry of a scenario's {@code faults:} (or one {@code --fault KIND[:MODE]@WHEN}): the {@code kind},
 * when it strikes ({@code at}: a virtual time from the start like {@code 10m}, a copy progress like
 * {@code 40%}, or an SVMotion phase like {@code phase8}), the kind's {@code mode} ({@code ""} for its
 * default) and the {@code vm} whose relocate it strikes ({@code ""} for the first relocated VM). Rules that
 * need the rest of the scenario live in {@link FaultRules}.
 */
public record FaultSpec(String kind, String at, String mode, String vm) {
  private static final Pattern PROGRESS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
  private static final Pattern PHASE = Pattern.compile("phase(\\d+)");
  static final String WHEN = "expected a virtual time (10m), a copy progress (40%) or a phase (phase8)";

  public FaultSpec {
    if (kind == null || FaultKind.byId(kind).isEmpty()) {
      throw new BadValueException("kind", kind, "expected one of " + String.join(", ", FaultKind.ids()));
    }
    if (at == null) {
      throw BadValueException.missing("at");
    }
    mode = mode == null ? "" : mode;
    vm = vm == null ? "" : vm;
    trigger(at);
    faultMode(FaultKind.byId(kind).orElseThrow(), mode);
  }

  public FaultKind faultKind() {
    return FaultKind.byId(kind).orElseThrow();
  }

  public FaultMode faultMode() {
    return faultMode(faultKind(), mode);
  }

  public FaultTrigger trigger() {
    return trigger(at);
  }

  private static FaultMode faultMode(FaultKind kind, String mode) {
    if (mode.isEmpty()) {
      return FaultMode.DEFAULT;
    }
    for (FaultMode m : kind.modes()) {
      if (m.id().equals(mode)) {
        return m;
      }
    }
    throw new BadValueException("mode", mode, kind.modes().isEmpty() ? kind.id() + " takes no mode"
        : kind.id() + " takes " + String.join(" or ", kind.modes().stream().map(FaultMode::id).toList()));
  }

  static FaultTrigger trigger(String at) {
    String s = at.strip();
    Matcher p = PROGRESS.matcher(s);
    if (p.matches()) {
      BigDecimal hundredths = new BigDecimal(p.group(1)).movePointRight(2);
      if (hundredths.compareTo(BigDecimal.valueOf(FaultTrigger.FULL)) > 0) {
        throw new BadValueException("at", at, "a copy progress is at most 100%");
      }
      if (hundredths.stripTrailingZeros().scale() > 0) {
        throw new BadValueException("at", at, "a copy progress has at most two decimals");
      }
      return FaultTrigger.atProgress(hundredths.longValueExact());
    }
    Matcher ph = PHASE.matcher(s);
    if (ph.matches()) {
      int n = ph.group(1).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(ph.group(1));
      if (n < 1 || n > Phase.values().length) {
        throw new BadValueException("at", at, "the SVMotion phases are numbered 1 to " + Phase.values().length);
      }
      return FaultTrigger.atPhase(n);
    }
    try {
      return FaultTrigger.atTime(SimDuration.parse(s).nanos());
    } catch (BadValueException e) {
      throw new BadValueException("at", at, WHEN);
    }
  }
}
