package org.svmsim.vmx.guest;

import java.util.HashSet;
import java.util.Set;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentMap;

/**
 * What the guest was told is on its disk: every acknowledged write, applied to an independent copy of the
 * disk's content (the oracle) in issue order. At the end, any acknowledged write whose sectors the disk
 * the VM runs on does not hold is a lost write. Write tags grow with issue order and the initial content
 * has a negative tag, so "newer" is simply "greater".
 */
public final class WriteAudit {
  private final ExtentMap oracle;
  private final Set<Long> inFlight = new HashSet<>();

  public WriteAudit(long capacitySectors, long initialTag) {
    this.oracle = new ExtentMap(capacitySectors, initialTag);
  }

  /** A write sent to the disk, not yet acknowledged. */
  public void issued(long tag) {
    inFlight.add(tag);
  }

  /** Records an acknowledged write; an older write acknowledged late does not overwrite a newer one. */
  public void acknowledged(long lba, long sectors, long tag) {
    inFlight.remove(tag);
    oracle.raise(lba, lba + sectors, tag);
  }

  /** What the oracle costs the heap (the writes in flight, a few dozen, aside). */
  public long memoryBytes() {
    return oracle.memoryBytes();
  }

  /** The oracle's runs of sectors: a distinct acknowledged extent is one, or two where it split a run. */
  public int runCount() {
    return oracle.runCount();
  }

  /**
   * The number of distinct acknowledged writes (or the initial content) missing from {@code disk}. Content
   * of a newer write still in flight (an aborted run stops with I/O in flight) supersedes an acknowledged
   * one, as it would on a real disk; anything else in its place is a loss.
   */
  public long lostWrites(BlockStore disk) {
    Set<Long> lost = new HashSet<>();
    oracle.forEachRun((start, end, tag) -> {
      if (lost.contains(tag)) {
        return;
      }
      long[] found = disk.read(start, end - start).runs();
      for (int i = 2; i < found.length; i += 3) {
        if (found[i] != tag && !(inFlight.contains(found[i]) && found[i] > tag)) {
          lost.add(tag);
          return;
        }
      }
    });
    return lost.size();
  }
}
