package org.svmsim.kernel.copy.mover;

import org.svmsim.kernel.config.DatastoreConfig;

/**
 * Chooses the mover as ESXi does: the legacy fsdm when the VMFS block sizes differ, else hardware offload
 * when both datastores sit on one VAAI array, else fs3dm.
 */
public final class DataMoverSelector {
  /** The mover and the reason, for the event log. */
  public record Selection(DataMover mover, String reason) {}

  private DataMoverSelector() {}

  public static Selection select(String requested, DatastoreConfig source, DatastoreConfig destination) {
    if (!"auto".equals(requested)) {
      return new Selection(DataMover.of(requested), "forced by the relocate's options");
    }
    // Differing block sizes rule out XCOPY offload as well as fs3dm (VMware's VAAI FAQ).
    if (source.blockSizeBytes() != destination.blockSizeBytes()) {
      return new Selection(DataMover.FSDM, "VMFS block sizes differ (" + source.blockSizeBytes() + " vs "
          + destination.blockSizeBytes() + " bytes)");
    }
    if (source.vaai() && destination.vaai() && source.array().equals(destination.array())) {
      return new Selection(DataMover.OFFLOAD, "both datastores on VAAI array " + source.array());
    }
    return new Selection(DataMover.FS3DM, "same VMFS block size, no offload");
  }
}
