package org.svmsim.kernel.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The faults svmsim can inject into a Storage vMotion, by the name scenarios and {@code --fault} use. A
 * kind lists the modes it takes, its default first; a kind without a choice takes none.
 */
public enum FaultKind {
  /** The destination datastore has no free space left (ENOSPC). */
  DEST_OUT_OF_SPACE("dest-out-of-space"),
  /** Writes to the destination fail: for a while (transient) or from now on (persistent). */
  DEST_WRITE_ERROR("dest-write-error", FaultMode.TRANSIENT, FaultMode.PERSISTENT),
  /** Reads of the source fail, for the copy and the guest alike. */
  SOURCE_READ_ERROR("source-read-error", FaultMode.TRANSIENT, FaultMode.PERSISTENT),
  /** The destination's latency or bandwidth collapses. */
  DEST_SLOW("dest-slow", FaultMode.LATENCY, FaultMode.BANDWIDTH),
  /** Another host holds a VMFS lock on a destination file. */
  LOCK_CONFLICT("lock-conflict", FaultMode.PERSISTENT, FaultMode.TRANSIENT),
  /** The user cancels the relocate task. */
  CANCEL("cancel"),
  /** A host agent restarts mid-task. */
  AGENT_RESTART("agent-restart", FaultMode.VPXA, FaultMode.HOSTD),
  /** The host loses power; the run goes on with its boot and recovery. */
  HOST_CRASH("host-crash"),
  /** The switchover outlasts fsr.maxSwitchoverSeconds. */
  SWITCHOVER_TIMEOUT("switchover-timeout");

  private final String id;
  private final List<FaultMode> modes;

  FaultKind(String id, FaultMode... modes) {
    this.id = id;
    this.modes = List.of(modes);
  }

  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  static FaultKind fromId(String id) {
    return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + id + "'"));
  }

  /** The modes this kind takes, its default first; empty when it has no choice. */
  public List<FaultMode> modes() {
    return modes;
  }

  /** {@code mode} made explicit: {@link FaultMode#DEFAULT} becomes the kind's default. */
  public FaultMode resolve(FaultMode mode) {
    if (mode == FaultMode.DEFAULT) {
      return modes.isEmpty() ? FaultMode.DEFAULT : modes.get(0);
    }
    if (!modes.contains(mode)) {
      throw new IllegalArgumentException(id + " does not take mode " + mode.id());
    }
    return mode;
  }

  public static Optional<FaultKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(FaultKind::id).toList();
  }
}
