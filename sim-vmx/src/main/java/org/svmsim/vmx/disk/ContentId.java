package org.svmsim.vmx.disk;

import org.svmsim.kernel.sim.SimRandom;

/**
 * The disk database's content ids, in hex: the 128-bit {@code longContentID}, drawn anew when a disk's
 * content changes, and the 32-bit CID, which is its last eight digits (so the two never disagree).
 */
public final class ContentId {
  private ContentId() {}

  public static String cid(String longContentId) {
    return longContentId.substring(longContentId.length() - 8);
  }

  public static String longContentId(SimRandom random) {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }
}
