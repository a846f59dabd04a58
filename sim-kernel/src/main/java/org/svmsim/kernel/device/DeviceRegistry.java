package org.svmsim.kernel.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;

/**
 * The devices under /vmfs/devices and who holds them open. Insertion-ordered, so a rescan probes devices
 * in the order they appeared, run after run.
 */
public final class DeviceRegistry {
  private final Bus bus;
  private final Map<DeviceName, Entry> devices = new LinkedHashMap<>();

  /** A registered device: where it lives and who has it open. */
  public static final class Entry {
    private final DeviceName name;
    private final String path;
    private final boolean hasFilesystem;
    private final Map<WorldId, OpenMode> openers = new LinkedHashMap<>();

    Entry(DeviceName name, String path, boolean hasFilesystem) {
      this.name = name;
      this.path = path;
      this.hasFilesystem = hasFilesystem;
    }

    public DeviceName name() {
      return name;
    }

    /** Full path, e.g. /vmfs/devices/svm/10a80a6-819390-svmmirror. */
    public String path() {
      return path;
    }

    /** Whether a filesystem driver would claim the device's content (an SVM mirror: never). */
    public boolean hasFilesystem() {
      return hasFilesystem;
    }

    boolean heldExclusively() {
      return openers.containsValue(OpenMode.EXCLUSIVE);
    }
  }

  public DeviceRegistry(Bus bus) {
    this.bus = bus;
  }

  public Entry register(DeviceName name, String directory, boolean hasFilesystem) {
    if (devices.containsKey(name)) {
      throw new IllegalStateException("device " + name + " already exists");
    }
    Entry e = new Entry(name, "/vmfs/devices/" + directory + "/" + name, hasFilesystem);
    devices.put(name, e);
    return e;
  }

  public void unregister(DeviceName name) {
    Entry e = require(name);
    if (!e.openers.isEmpty()) {
      throw new IllegalStateException("device " + name + " is still open by worlds " + e.openers.keySet());
    }
    devices.remove(name);
  }

  /** Opens a device; fails with Busy if another world holds it exclusively, or if asking for exclusive on a used one. */
  public void open(WorldId world, DeviceName name, OpenMode mode) throws DeviceBusyException {
    Entry e = require(name);
    boolean othersHold = e.openers.keySet().stream().anyMatch(w -> !w.equals(world));
    if ((e.heldExclusively() && othersHold) || (mode == OpenMode.EXCLUSIVE && othersHold)) {
      throw new DeviceBusyException(name);
    }
    e.openers.put(world, mode);
    bus.publish(new KernelEvent.DeviceOpened(world, name, mode.name()));
  }

  /** Tries an open without keeping it (a probe): true if it would succeed. */
  public boolean canOpen(WorldId world, DeviceName name) {
    Entry e = require(name);
    return !(e.heldExclusively() && e.openers.keySet().stream().anyMatch(w -> !w.equals(world)));
  }

  public void close(WorldId world, DeviceName name) {
    Entry e = require(name);
    if (e.openers.remove(world) == null) {
      throw new IllegalStateException("world " + world + " does not hold " + name + " open");
    }
    bus.publish(new KernelEvent.DeviceClosed(world, name));
  }

  public Optional<Entry> find(DeviceName name) {
    return Optional.ofNullable(devices.get(name));
  }

  public List<Entry> all() {
    return new ArrayList<>(devices.values());
  }

  private Entry require(DeviceName name) {
    Entry e = devices.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no device " + name + " under /vmfs/devices");
    }
    return e;
  }
}
