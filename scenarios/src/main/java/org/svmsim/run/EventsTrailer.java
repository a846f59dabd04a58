package org.svmsim.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The last line of an events file: {@code {"end":true,"events":19923,"bytes":3391402,"crc32c":"1a2b3c4d"}},
 * the number of event lines, and the length and CRC-32C of every byte before this line (the header and
 * the events, each with its newline). A file that lost, gained, swapped or changed a line no longer
 * matches it. CRC-32C rather than a cryptographic digest: it guards against accidents, not forgers (who
 * could recompute any unkeyed digest), and it is a CPU instruction, where SHA-256 cost a long run a
 * third of its time.
 */
@JsonPropertyOrder({"end", "events", "bytes", "crc32c"})
public record EventsTrailer(boolean end, long events, long bytes, String crc32c) {}
