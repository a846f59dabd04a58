package org.svmsim.vmx.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.svmsim.kernel.sim.SimRandom;

class ContentIdTest {
  @Test
  void idsAreLowercaseHexOfTheirFixedWidth() {
    SimRandom r = new SimRandom(4);
    for (int i = 0; i < 200; i++) {
      String longId = ContentId.longContentId(r);
      String cid = ContentId.cid(longId);
      assertTrue(cid.matches("[0-9a-f]{8}"), cid);
      assertTrue(longId.matches("[0-9a-f]{32}"), longId);
      assertTrue(longId.endsWith(cid), "the CID is the long id's last 32 bits");
    }
  }

  @Test
  void idsComeFromTheStream() {
    assertEquals(ContentId.longContentId(new SimRandom(4)), ContentId.longContentId(new SimRandom(4)));
    assertNotEquals(ContentId.longContentId(new SimRandom(4)), ContentId.longContentId(new SimRandom(5)));
  }
}
