package org.svmsim.scenario;

import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;

/**
 * Dirty block tracking's knobs (a relocate's {@code options.dbt}): the change bitmap's block, the dirty set
 * small enough to copy while stunned, how many passes, how many that do not shrink before giving up, what
 * giving up does ({@code fail}, or {@code force} the stunned copy of what is left), and hot-block deferral.
 */
public record DbtSpec(ByteSize blockSize, ByteSize finalPass, int maxPasses, int stallPasses, String giveUp,
    boolean deferHotBlocks, ByteSize maxDeferred) {
  public DbtSpec {
    Check.sectors("blockSize", blockSize);
    Check.present("finalPass", finalPass);
    Check.atLeast("maxPasses", maxPasses, 1);
    Check.atLeast("stallPasses", stallPasses, 1);
    Check.oneOf("giveUp", giveUp, "fail", "force");
    Check.present("maxDeferred", maxDeferred);
    if (maxPasses > 1000) {
      throw new BadValueException("maxPasses", maxPasses, "at most 1000 passes: every run is bounded");
    }
  }

  DbtPolicy policy() {
    return new DbtPolicy(blockSize.sectors(), finalPass.bytes(), maxPasses, stallPasses,
        giveUp.equals("fail") ? DbtPolicy.GiveUp.FAIL : DbtPolicy.GiveUp.FORCE_FINAL, deferHotBlocks,
        maxDeferred.bytes());
  }
}
