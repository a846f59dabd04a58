package org.svmsim.bench.migration;

import org.svmsim.bench.GuestWriters;
import org.svmsim.kernel.copy.dbt.DbtCopy;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.storage.BlockStore;

/**
 * The three ways to move a disk, each on the simulator's own clock-free write path, the copier running in
 * the caller's thread and the guest on {@link GuestWriters}' threads. Each migrates, checks the data
 * (throwing {@link IllegalStateException} on any difference or lost write) and reports what it did.
 */
public enum Method {
  /** ESX 5.0+: one pass; writes to copied regions go to both disks; the stun only switches over. */
  MIRROR {
    @Override
    Running start(BlockStore source, BlockStore destination, Children children) {
      MirrorPass pass = new MirrorPass(source, destination);
      return new Running() {
        @Override
        public GuestWriters.Sink sink() {
          return (id, lba, sectors, tag, handle) -> pass.write(new MirrorPass.GuestWrite(id, lba, sectors, tag),
              handle);
        }

        @Override
        public Outcome migrate(GuestWriters guest, long chunkSectors) {
          while (pass.beginChunk(chunkSectors) > 0) {
            pass.finishChunk();
          }
          long stun = System.nanoTime();
          guest.stun(); // every write in progress is acknowledged: nothing is held, the disks are equal
          long downtime = System.nanoTime() - stun;
          return new Outcome(pass.stats().copiedSectors() * BlockStore.SECTOR, 1, downtime, true);
        }

        @Override
        public void check(GuestWriters guest) {
          equal(source.firstDifference(destination));
          guest.checkLastWrites(destination::read, "destination");
        }
      };
    }
  },
  /** ESX 4.x: iterative passes over a change bitmap (64 KiB blocks), the last one stunned. */
  DBT {
    @Override
    Running start(BlockStore source, BlockStore destination, Children children) {
      DbtCopy copy = new DbtCopy(source, destination,
          DbtPolicy.defaults().withPasses(10, 2, DbtPolicy.GiveUp.FORCE_FINAL));
      return new Running() {
        @Override
        public GuestWriters.Sink sink() {
          return (id, lba, sectors, tag, handle) -> {
            copy.write(lba, sectors, tag);
            return true;
          };
        }

        @Override
        public Outcome migrate(GuestWriters guest, long chunkSectors) {
          DbtCopy.PassEnd end;
          do {
            copyPass(copy, chunkSectors);
            end = copy.endPass();
          } while (end.next() == DbtCopy.Next.PASS);
          long stun = System.nanoTime();
          guest.stun();
          copy.beginFinalPass();
          copyPass(copy, chunkSectors);
          copy.endPass();
          long downtime = System.nanoTime() - stun;
          return new Outcome(copy.copiedSectors() * BlockStore.SECTOR, copy.passes().size(), downtime, true);
        }

        @Override
        public void check(GuestWriters guest) {
          equal(copy.firstDifference());
          guest.checkLastWrites(destination::read, "destination");
        }
      };
    }
  },
  /** ESX 3.5: copy the parent under a redo log, consolidate children round by round, the last stunned. */
  SNAPSHOT {
    @Override
    Running start(BlockStore source, BlockStore destination, Children children) {
      SnapshotCopy copy = new SnapshotCopy(source, destination, SnapshotPolicy.defaults(),
          c -> children.create(c, 0));
      return new Running() {
        boolean converged;

        @Override
        public GuestWriters.Sink sink() {
          return (id, lba, sectors, tag, handle) -> {
            copy.write(lba, sectors, tag);
            return true;
          };
        }

        @Override
        public Outcome migrate(GuestWriters guest, long chunkSectors) {
          SnapshotCopy.RoundEnd end;
          while (true) {
            while (copy.beginChunk(chunkSectors) > 0) {
              copy.finishChunk();
            }
            end = copy.endRound();
            if (end.next() != SnapshotCopy.Next.ROUND) {
              break;
            }
            copy.beginRound();
          }
          long stun = System.nanoTime();
          guest.stun();
          converged = end.next() == SnapshotCopy.Next.FINAL;
          if (converged) {
            copy.beginFinalRound();
            while (copy.beginChunk(chunkSectors) > 0) {
              copy.finishChunk();
            }
            copy.endRound();
          }
          long downtime = System.nanoTime() - stun;
          return new Outcome(copy.copiedSectors() * BlockStore.SECTOR, copy.rounds().size(), downtime,
              converged);
        }

        @Override
        public void check(GuestWriters guest) {
          if (converged) {
            equal(copy.firstDifference());
            guest.checkLastWrites(destination::read, "destination");
          } else { // the VM stays on the source chain, which must hold every write
            guest.checkLastWrites(copy.abandon()::read, "source chain");
          }
        }
      };
    }
  };

  /** Makes the snapshot's redo logs (content stores of the disk's size). */
  @FunctionalInterface
  public interface Children {
    BlockStore create(long capacitySectors, long initialTag);
  }

  /** What a migration did: bytes the copier moved, passes (rounds), the stun's length, and if it converged. */
  public record Outcome(long bytesCopied, int passes, long downtimeNanos, boolean converged) {}

  /** One migration under way. */
  interface Running {
    GuestWriters.Sink sink();

    /** Copies until the switchover, stunning the guest for it; the guest stays stunned. */
    Outcome migrate(GuestWriters guest, long chunkSectors);

    /** Once the guest is stopped: throws unless the disk the VM ends on holds exactly what it wrote. */
    void check(GuestWriters guest);
  }

  abstract Running start(BlockStore source, BlockStore destination, Children children);

  private static void copyPass(DbtCopy copy, long chunkSectors) {
    while (copy.beginChunk(chunkSectors) > 0) {
      copy.finishChunk();
    }
  }

  private static void equal(long firstDifference) {
    if (firstDifference >= 0) {
      throw new IllegalStateException("after the migration the disks differ at sector " + firstDifference);
    }
  }
}
