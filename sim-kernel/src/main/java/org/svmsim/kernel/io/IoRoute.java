package org.svmsim.kernel.io;

import org.svmsim.kernel.copy.mirror.Route;

/** The path a completed guest I/O took: straight to a disk, or one of the mirror's routes. */
public enum IoRoute {
  /** No mirror: the disk file on its datastore. */
  DIRECT,
  SOURCE_ONLY,
  MIRRORED,
  SPLIT;

  /** Whether (part of) the write also went to the destination. */
  public boolean mirrored() {
    return this == MIRRORED || this == SPLIT;
  }

  /** The route of a write the mirror applied. */
  public static IoRoute of(Route.Kind kind) {
    return switch (kind) {
      case SOURCE_ONLY -> SOURCE_ONLY;
      case MIRRORED -> MIRRORED;
      case SPLIT -> SPLIT;
      case WAIT_FOR_CHUNK -> throw new IllegalArgumentException("a held write has no route until released");
    };
  }
}
