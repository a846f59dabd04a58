package org.svmsim.kernel.log;

import java.util.Map;

/**
 * vmkernel status texts and the status words the kernel prints beside them (DOMAIN.md section 9,
 * real-lines/kb1010045_fsr-max-switchover.log, real-lines/vmkernel_rssing-esxi55-svmotion-maxswitchover.log).
 */
public final class Statuses {
  public static final String MAX_SWITCHOVER = "Maximum switchover time for migration exceeded";
  public static final String IO_ABORTED = "IO was aborted";
  public static final String LIMIT_EXCEEDED = "Limit exceeded";
  public static final String OUT_OF_MEMORY = "Out of memory";
  public static final String NO_SPACE = "No space left on device";
  public static final String BUSY = "Busy";
  /** VMK_FAILURE, the generic failure: what a backing store that cannot do an I/O completes it with. */
  public static final String FAILURE = "Failure";
  private static final Map<String, String> WORDS = Map.of(
      MAX_SWITCHOVER, "0xbad0109", IO_ABORTED, "0xbad00e0", LIMIT_EXCEEDED, "0xbad0006",
      OUT_OF_MEMORY, "0xbad0014", BUSY, "0xbad0004", FAILURE, "0xbad0001",
      // svmsim's guess: no source shows the word printed with "No space left on device".
      NO_SPACE, "0xbad0031");

  private Statuses() {}

  /** {@code 0xbad0109} for its text; {@code 0xbad0001} (a generic failure) for a text not listed. */
  public static String word(String status) {
    return WORDS.getOrDefault(status, "0xbad0001");
  }
}
