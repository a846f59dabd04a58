package org.svmsim.kernel.copy.mirror;

/**
 * Where the mirror sends one guest write. {@code mirrorStart..mirrorEnd} is the part that also goes to the
 * destination (empty for {@link Kind#SOURCE_ONLY} and {@link Kind#WAIT_FOR_CHUNK}).
 */
public record Route(Kind kind, long mirrorStart, long mirrorEnd) {
  /** The four outcomes of the mirrored-write rules (DOMAIN.md section 3). */
  public enum Kind {
    /** The region is not copied yet: the copy will carry the new content. */
    SOURCE_ONLY,
    /** The region is already copied: write both, acknowledge when both are done. */
    MIRRORED,
    /** The write straddles the copy cursor: mirror the copied part, the rest goes to the source only. */
    SPLIT,
    /** The write touches the chunk being copied: it waits for that chunk, then is routed again. */
    WAIT_FOR_CHUNK
  }

  static final Route SOURCE = new Route(Kind.SOURCE_ONLY, 0, 0);
  static final Route WAIT = new Route(Kind.WAIT_FOR_CHUNK, 0, 0);

  public long mirroredSectors() {
    return mirrorEnd - mirrorStart;
  }
}
