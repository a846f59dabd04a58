package org.svmsim.kernel.perf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.sim.Bus;

/**
 * The datastores' I/O services, one per datastore UUID, owned by the run rather than by any host: every
 * host that mounts a datastore shares its one {@link DatastoreService}, as hosts share a LUN or an NFS
 * export.
 */
public final class StorageFabric {
  private final Bus bus;
  private final Map<DatastoreId, DatastoreService> services = new LinkedHashMap<>();

  public StorageFabric(Bus bus) {
    this.bus = bus;
  }

  /** The service of {@code config}'s datastore, created on first use; a second host gets the same one. */
  public DatastoreService attach(DatastoreConfig config) {
    DatastoreService s = services.get(config.uuid());
    if (s == null) {
      s = new DatastoreService(bus, config.name(), config.performance());
      services.put(config.uuid(), s);
    } else if (!s.performance().equals(config.performance())) {
      throw new IllegalArgumentException("datastore " + config.uuid() + " is already attached with "
          + s.performance() + ", not " + config.performance());
    }
    return s;
  }

  /** The one host lost power: every stream it opened is dropped ({@link DatastoreService#dropStreams}). */
  public void dropStreams() {
    services.values().forEach(DatastoreService::dropStreams);
  }

  public DatastoreService service(DatastoreId id) {
    DatastoreService s = services.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no datastore " + id + " on the storage fabric");
    }
    return s;
  }
}
