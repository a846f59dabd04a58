package org.svmsim.kernel.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a fault behaves, where its kind offers a choice: an I/O error that clears after a while or stays, a
 * slow destination by latency or by bandwidth, the agent that restarts. {@link #DEFAULT} is the kind's
 * first mode ({@link FaultKind#modes()}).
 */
public enum FaultMode {
  DEFAULT,
  TRANSIENT,
  PERSISTENT,
  LATENCY,
  BANDWIDTH,
  VPXA,
  HOSTD;

  /** The name as a scenario and {@code --fault} spell it: {@code persistent}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static FaultMode fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
