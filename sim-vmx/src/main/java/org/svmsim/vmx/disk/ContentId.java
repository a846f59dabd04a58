package org.svmsim.vmx.disk;

import org.svmsim.kernel.sim.SimRandom;

/** The disk database's content ids: the 32-bit CID and the 128-bit {@code longContentID}, in hex. */
public final class ContentId {
  private ContentId() {}

  public static String cid(SimRandom random) {
    return String.format("%08x", random.nextLong() & 0xffffffffL);
  }

  public static String longContentId(SimRandom random) {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }
}
