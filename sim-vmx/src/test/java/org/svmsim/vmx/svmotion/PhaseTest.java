package org.svmsim.vmx.svmotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseTest {
  @Test
  void phaseEightIsTheMirroredDiskCopy() {
    assertEquals(8, Phase.DISK_COPY.number());
    assertEquals(Phase.DISK_COPY, Phase.of(8));
  }

  @Test
  void phasesAreNumberedFromOneWithoutGapsAndFoundByNumber() {
    Phase[] all = Phase.values();
    for (int i = 0; i < all.length; i++) {
      assertEquals(i + 1, all[i].number(), all[i].name());
      assertEquals(all[i], Phase.of(all[i].number()));
      assertTrue(all[i].next() >= 0, all[i].name());
      assertTrue(!all[i].description().isBlank(), all[i].name());
    }
  }
}
