package org.svmsim.scenario;

import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.ByteSize;

/**
 * Snapshot copy's knobs (a relocate's {@code options.snapshot}): the redo logs' grain, the child small
 * enough to consolidate while stunned, and the consolidation rounds allowed, in all and in a row without
 * shrinking, before the migration fails.
 */
public record SnapshotSpec(ByteSize grainSize, ByteSize stunThreshold, int maxRounds, int stallRounds) {
  public SnapshotSpec {
    Check.sectors("grainSize", grainSize);
    Check.present("stunThreshold", stunThreshold);
    Check.atLeast("maxRounds", maxRounds, 0);
    Check.atLeast("stallRounds", stallRounds, 1);
    if (maxRounds > 1000) {
      throw new BadValueException("maxRounds", maxRounds, "at most 1000 rounds: every run is bounded");
    }
  }

  SnapshotPolicy policy() {
    return new SnapshotPolicy(grainSize.sectors(), stunThreshold.bytes(), maxRounds, stallRounds);
  }
}
