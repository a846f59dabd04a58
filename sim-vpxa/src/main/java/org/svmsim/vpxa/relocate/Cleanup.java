package org.svmsim.vpxa.relocate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * Deletes what a relocate leaves behind: the source after a success (step 6), the destination after a
 * failure. It deletes only the files it is given, and only those still there, so it can never remove a
 * file the relocate did not copy or create.
 */
final class Cleanup {
  private Cleanup() {}

  /** Deletes {@code paths} (relative, or full /vmfs/volumes paths on {@code volume}); returns those deleted. */
  static List<String> delete(VmfsVolume volume, Collection<String> paths) {
    Set<String> unique = new LinkedHashSet<>();
    for (String p : paths) {
      unique.add(relative(volume.id(), p));
    }
    List<String> deleted = new ArrayList<>();
    for (String p : unique) {
      if (volume.file(p).isPresent()) {
        volume.deleteFile(p);
        deleted.add(p);
      }
    }
    return deleted;
  }

  /** {@code W1_2/W1_2.vmdk} for {@code /vmfs/volumes/<uuid>/W1_2/W1_2.vmdk} on that volume. */
  static String relative(DatastoreId volume, String path) {
    String prefix = volume.path() + "/";
    if (path.startsWith(prefix)) {
      return path.substring(prefix.length());
    }
    if (path.startsWith("/")) {
      throw new IllegalArgumentException(path + " is not on volume " + volume);
    }
    return path;
  }
}
