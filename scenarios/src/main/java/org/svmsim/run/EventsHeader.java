package org.svmsim.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The first line of an events file: {@code {"svmsimEvents":1,"svmsim":"0.1.0","scenario":"seed","seed":12,
 * "method":"mirror"}}. {@code svmsimEvents} is the format's version; replay refuses any other.
 */
@JsonPropertyOrder({"svmsimEvents", "svmsim", "scenario", "seed", "method"})
public record EventsHeader(int svmsimEvents, String svmsim, String scenario, long seed, String method) {
  public static final int FORMAT = 1;
}
