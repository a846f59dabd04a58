package org.svmsim.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A VMFS volume UUID, {@code 5739734e-f309ac87-4491-f8bc123449c2}: the name under /vmfs/volumes. */
public record DatastoreId(String uuid) {
  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{12}");

  public DatastoreId {
    if (uuid == null || !FORMAT.matcher(uuid).matches()) {
      throw new IllegalArgumentException(
          "'" + uuid + "' is not a VMFS UUID like 5739734e-f309ac87-4491-f8bc123449c2");
    }
  }

  @JsonCreator
  public static DatastoreId of(String uuid) {
    return new DatastoreId(uuid);
  }

  public String path() {
    return "/vmfs/volumes/" + uuid;
  }

  /** The full path of {@code relative} (a file or a VM's directory) on this datastore. */
  public String resolve(Object relative) {
    return path() + "/" + relative;
  }

  @JsonValue
  @Override
  public String toString() {
    return uuid;
  }
}
