package org.svmsim.kernel.vmfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.io.DirectDisk;
import org.svmsim.kernel.io.DiskPath;
import org.svmsim.kernel.perf.DatastoreService;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentStore;

/**
 * A mounted VMFS volume: its files with their hex handles, its free space, and the datastore's I/O service
 * that every reader and writer of the datastore shares (on any host). Thick files take their size at
 * creation, thin files take space as they are written ({@link #allocate}).
 */
public final class VmfsVolume {
  private Bus bus;
  private final SimRandom random;
  private final DatastoreConfig config;
  private final DatastoreService service;
  private final TreeMap<String, VmfsFile> files = new TreeMap<>();
  private final TreeMap<String, BlockStore> contents = new TreeMap<>();
  private final TreeMap<String, Long> written = new TreeMap<>();
  private long free;

  VmfsVolume(Bus bus, SimRandom random, DatastoreConfig config, DatastoreService service) {
    this.bus = bus;
    this.random = random;
    this.config = config;
    this.service = service;
    this.free = config.freeBytes();
  }

  /** The host booted again: the volume's facts go on its new bus. */
  void rebind(Bus newBus) {
    bus = newBus;
  }

  public DatastoreId id() {
    return config.uuid();
  }

  public DatastoreConfig config() {
    return config;
  }

  /** The datastore's shared I/O service: open a stream on it to read or write. */
  public DatastoreService service() {
    return service;
  }

  public long freeBytes() {
    return free;
  }

  /** Creates a file with a drawn handle. */
  public VmfsFile createFile(String path, long sizeBytes, boolean thin) throws NoSpaceException {
    return createFile(path, sizeBytes, thin, null);
  }

  /** Creates a file; {@code handle} pins its file handle (null: drawn from the volume's stream). */
  public VmfsFile createFile(String path, long sizeBytes, boolean thin, DiskHandle handle)
      throws NoSpaceException {
    if (files.containsKey(path)) {
      throw new IllegalStateException("file exists: " + config.uuid().resolve(path));
    }
    long take = thin ? 0 : roundUp(sizeBytes);
    if (take > free) {
      throw new NoSpaceException(config.uuid(), take, free);
    }
    DiskHandle h = handle != null ? handle : new DiskHandle(random.nextLong(0x100000L, 0x10000000L));
    free -= take;
    VmfsFile f = new VmfsFile(config.uuid(), path, h, sizeBytes, take, thin);
    files.put(path, f);
    bus.publish(new KernelEvent.FileCreated(config.uuid(), path, h, sizeBytes, take));
    return f;
  }

  /**
   * A thin file was written {@code bytes} further: it takes whole blocks for all it holds so far (not a
   * block per call); fails when the volume is full.
   */
  public void allocate(String path, long bytes) throws NoSpaceException {
    VmfsFile f = require(path);
    long holds = Math.min(f.sizeBytes(), written.getOrDefault(path, 0L) + bytes);
    long grow = roundUp(holds) - f.allocatedBytes();
    if (grow <= 0) {
      written.put(path, holds);
      return;
    }
    if (grow > free) {
      throw new NoSpaceException(config.uuid(), grow, free);
    }
    free -= grow;
    written.put(path, holds);
    files.put(path, new VmfsFile(f.volume(), path, f.handle(), f.sizeBytes(), f.allocatedBytes() + grow,
        f.thin()));
  }

  /**
   * Something else on the datastore (another host's VMs, a snapshot elsewhere) takes all the free space
   * left: the next allocation fails. Files deleted later give their space back.
   */
  public void exhaust() {
    free = 0;
  }

  public void deleteFile(String path) {
    VmfsFile f = require(path);
    files.remove(path);
    contents.remove(path);
    written.remove(path);
    free += f.allocatedBytes();
    bus.publish(new KernelEvent.FileDeleted(config.uuid(), path, f.handle(), f.allocatedBytes()));
  }

  /** Gives a disk file its content: the sectors the guest and the copier read and write. */
  public void attachContent(String path, BlockStore content) {
    VmfsFile f = require(path);
    if (content.capacitySectors() * BlockStore.SECTOR != f.sizeBytes()) {
      throw new IllegalArgumentException(path + " is " + f.sizeBytes() + " bytes, content has "
          + content.capacitySectors() + " sectors");
    }
    contents.put(path, content);
  }

  /**
   * Creates a disk file of {@code sectors} sectors whose every sector holds {@code initialTag}
   * ({@code SectorContent.ZERO} for a new, empty disk).
   */
  public VmfsFile createDisk(String path, long sectors, boolean thin, DiskHandle handle, long initialTag)
      throws NoSpaceException {
    VmfsFile f = createFile(path, sectors * BlockStore.SECTOR, thin, handle);
    attachContent(path, new ExtentStore(sectors, initialTag));
    return f;
  }

  /** Opens a disk file for I/O without any filter: the guest's I/O is one stream on this datastore. */
  public DiskPath openDisk(String path) {
    return new DirectDisk(bus, content(path), service.openStream(path));
  }

  public BlockStore content(String path) {
    BlockStore c = contents.get(path);
    if (c == null) {
      throw new IllegalArgumentException("no disk content for " + config.uuid().resolve(path));
    }
    return c;
  }

  public Optional<VmfsFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Files whose path starts with {@code directory + "/"}, in path order. */
  public List<VmfsFile> list(String directory) {
    return new ArrayList<>(files.subMap(directory + "/", directory + "/\uffff").values());
  }

  private VmfsFile require(String path) {
    VmfsFile f = files.get(path);
    if (f == null) {
      throw new IllegalArgumentException("no file " + config.uuid().resolve(path));
    }
    return f;
  }

  private long roundUp(long bytes) {
    long bs = config.blockSizeBytes();
    return (bytes + bs - 1) / bs * bs;
  }
}
