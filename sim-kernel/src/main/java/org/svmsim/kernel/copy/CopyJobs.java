package org.svmsim.kernel.copy;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.copy.mover.DataMoverSelector;
import org.svmsim.kernel.copy.mover.RangeCopy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.perf.IoStream;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * The kernel's disk copies. A job copies one disk from a source volume to a file on a destination volume
 * with the data mover DOMAIN.md section 5 calls for, in as many passes as its caller asks, each pass a
 * {@link CopyPlan} run one chunk at a time; every fact it publishes is keyed by the job's id. Each chunk
 * is a {@link RangeCopy} on the job's own streams into the two datastores' shared services, so it takes
 * what those services give it then, beside the guest and any other copy. A chunk in flight when its job
 * is cancelled never lands: its mover stops, and its late completion is ignored.
 */
public final class CopyJobs {
  /**
   * A chunk whose I/O failed is tried again this long after, up to {@link #ATTEMPTS} times in all, before
   * the copy fails: svmsim's guess at the data mover's cadence (no source shows it).
   */
  static final long RETRY_NANOS = VirtualTime.SECOND;
  public static final int ATTEMPTS = 5;

  private final Bus bus;
  private final Map<CopyJobId, Job> jobs = new LinkedHashMap<>();
  private int lastId;

  /** One disk's copy: where from, where to, how, and the pass under way if any. */
  private final class Job implements RangeCopy.Done {
    final CopyJobId id;
    final WorldId world;
    final VmfsVolume source;
    final BlockStore sourceView;
    final VmfsVolume destination;
    final VmfsFile destinationFile;
    final BlockStore destinationStore;
    final DataMover mover;
    final long chunkSectors;
    int passes;
    CopyPlan plan;
    final IoStream sourceStream;
    final IoStream destinationStream;
    BlockStore.Slice inFlight;
    RangeCopy landing;
    long chunks;
    long passStartedAt;
    long passCopiedSectors;
    int attempts;

    Job(CopyJobId id, WorldId world, VmfsVolume source, BlockStore sourceView, VmfsVolume destination,
        VmfsFile destinationFile, BlockStore destinationStore, DataMover mover, long chunkSectors) {
      this.id = id;
      this.world = world;
      this.source = source;
      this.sourceView = sourceView;
      this.destination = destination;
      this.destinationFile = destinationFile;
      this.destinationStore = destinationStore;
      this.mover = mover;
      this.chunkSectors = chunkSectors;
      this.sourceStream = source.service().openStream("copy " + id);
      this.destinationStream = destination.service().openStream("copy " + id);
    }

    /** The mover is done with chunk number {@code chunk}: it lands unless the job moved on since. */
    @Override
    public void rangeCopied(long chunk, long atNanos, RangeCopy.Status status) {
      if (status == RangeCopy.Status.CANCELLED || chunk != chunks || inFlight == null || plan == null) {
        return;
      }
      RangeCopy copy = landing;
      landing = null;
      if (status == RangeCopy.Status.FAILED) {
        chunkFailed(this, inFlight, copy.failedWrite() ? "write" : "read", copy.failure());
        return;
      }
      bus.publish(new KernelEvent.ChunkCopied(id, passes, inFlight.lba(), inFlight.sectors()));
    }
  }

  /** Copy jobs on the datastores' shared services: their I/O meets whatever those services suffer. */
  public CopyJobs(Bus bus) {
    this.bus = bus;
    bus.subscribe(KernelEvent.ChunkCopied.class, this::onChunkCopied);
  }

  /**
   * A copy of {@code sourceView} (what the guest sees of the source disk) on {@code source} into {@code
   * destinationFile} on {@code destination}, for the VMX world {@code world}; the mover is chosen now.
   */
  public CopyJobId create(WorldId world, VmfsVolume source, VmfsFile sourceFile, BlockStore sourceView,
      VmfsVolume destination, VmfsFile destinationFile, MigrationOptions options) {
    CopyJobId id = new CopyJobId(++lastId);
    DataMoverSelector.Selection sel =
        DataMoverSelector.select(options.mover(), source.config(), destination.config());
    jobs.put(id, new Job(id, world, source, sourceView, destination, destinationFile,
        destination.content(destinationFile.path()), sel.mover(), options.chunkSectors()));
    bus.publish(new KernelEvent.CopyJobCreated(world, id, sourceFile.handle(), destinationFile.handle(),
        sourceView.capacitySectors()));
    bus.publish(new KernelEvent.DataMoverSelected(id, sel.mover(), sel.reason()));
    return id;
  }

  /** Starts the job's next pass; the job must not be running one. Returns the pass number, from 1. */
  public int pass(CopyJobId id, CopyPlan plan) {
    Job j = require(id);
    if (j.plan != null) {
      throw new IllegalStateException(id + ": pass " + j.passes + " is still running");
    }
    j.plan = plan;
    j.passes++;
    j.passStartedAt = bus.now();
    j.passCopiedSectors = 0;
    bus.publish(new KernelEvent.CopyPassStarted(j.world, id, j.passes, plan.sectors(), j.chunkSectors,
        j.mover));
    nextChunk(j);
    return j.passes;
  }

  private void nextChunk(Job j) {
    BlockStore.Slice chunk = j.plan.next(j.chunkSectors);
    if (chunk == null) {
      j.plan = null;
      bus.publish(new KernelEvent.CopyPassCompleted(j.world, j.id, j.passes,
          j.passCopiedSectors * BlockStore.SECTOR, bus.now() - j.passStartedAt));
      return;
    }
    issue(j, chunk);
  }

  private void issue(Job j, BlockStore.Slice chunk) {
    j.inFlight = chunk;
    j.landing = RangeCopy.start(bus, j.mover, j.sourceStream, j.destinationStream,
        chunk.sectors() * BlockStore.SECTOR, j, ++j.chunks);
  }

  /**
   * The chunk's I/O ({@code io}: "read" of the source, "write" of the destination) completed with an error
   * status: it does not land. It is tried again after {@link #RETRY_NANOS} (it stays the chunk in flight
   * meanwhile, so the mirror holds writes to it), and after {@link #ATTEMPTS} failures in a row the copy
   * fails with that status. The source is untouched either way.
   */
  private void chunkFailed(Job j, BlockStore.Slice chunk, String io, IoStatus status) {
    j.attempts++;
    boolean retry = j.attempts < ATTEMPTS;
    bus.publish(new KernelEvent.CopyChunkFailed(j.world, j.id, j.passes, chunk.lba(), chunk.sectors(), io,
        status.text(), j.attempts, retry));
    if (retry) {
      j.inFlight = chunk;
      long chunks = j.chunks;
      bus.wakeAt(bus.now() + RETRY_NANOS, () -> {
        if (jobs.get(j.id) == j && j.plan != null && j.chunks == chunks && j.inFlight == chunk) {
          issue(j, chunk);
        }
      });
      return;
    }
    CopyPlan plan = j.plan;
    j.plan = null;
    j.attempts = 0;
    plan.abandon();
    bus.publish(new KernelEvent.CopyFailed(j.world, j.id, j.passes, j.passCopiedSectors, status.text(),
        (io.equals("read") ? "source read" : "destination write") + " failed " + ATTEMPTS
            + " times at sector " + chunk.lba() + ": " + status.text()));
  }

  private void onChunkCopied(KernelEvent.ChunkCopied e) {
    Job j = jobs.get(e.job());
    if (j == null || j.plan == null || j.inFlight == null) {
      return;
    }
    BlockStore.Slice chunk = j.inFlight;
    if (j.destinationFile.thin()) {
      try {
        j.destination.allocate(j.destinationFile.path(), chunk.sectors() * BlockStore.SECTOR);
      } catch (NoSpaceException ex) {
        j.inFlight = null;
        CopyPlan plan = j.plan;
        j.plan = null;
        plan.abandon();
        bus.publish(new KernelEvent.CopyFailed(j.world, j.id, j.passes, j.passCopiedSectors,
            NoSpaceException.STATUS, ex.getMessage()));
        return;
      }
    }
    try {
      j.plan.landed(chunk);
    } catch (UncheckedIOException ex) {
      // The storage underneath could not take the chunk's content: a failed write, tried again.
      chunkFailed(j, chunk, "write", IoStatus.of(ex));
      return;
    }
    j.inFlight = null;
    j.attempts = 0;
    j.passCopiedSectors += chunk.sectors();
    nextChunk(j);
  }

  /** Stops the pass under way, if any: the chunk in flight never lands, the plan is abandoned. */
  public void cancel(CopyJobId id) {
    Job j = jobs.get(id);
    if (j == null || j.plan == null) {
      return;
    }
    if (j.landing != null) {
      j.landing.cancel();
      j.landing = null;
    }
    j.inFlight = null;
    CopyPlan plan = j.plan;
    j.plan = null;
    plan.abandon();
  }

  /** The job is over, either way; a pass still running is cancelled. */
  public void close(CopyJobId id) {
    cancel(id);
    jobs.remove(id);
  }

  /** Where the destination first differs from the source as the guest sees it, or -1: never assumed. */
  public long firstDifference(CopyJobId id) {
    Job j = require(id);
    return j.sourceView.firstDifference(j.destinationStore);
  }

  /** Whether the job is running a pass now. */
  public boolean copying(CopyJobId id) {
    Job j = jobs.get(id);
    return j != null && j.plan != null;
  }

  public DataMover mover(CopyJobId id) {
    return require(id).mover;
  }

  private Job require(CopyJobId id) {
    Job j = jobs.get(id);
    if (j == null) {
      throw new IllegalArgumentException("no copy job " + id);
    }
    return j;
  }
}
