package org.svmsim.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The last line of an events file: {@code {"end":true,"events":19923,"sha256":"..."}}, the number of event
 * lines and the SHA-256 of every byte before this line (the header and the events, each with its newline).
 * A file that lost, gained, swapped or changed a line no longer matches it.
 */
@JsonPropertyOrder({"end", "events", "sha256"})
public record EventsTrailer(boolean end, long events, String sha256) {}
