package org.svmsim.journal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentMap;

/**
 * The audit journal ({@code --journal}): an observer of the kernel's acknowledgements that streams
 * {@code journal.jsonl}, one line per 512-byte block of every acknowledged guest write in acknowledgement
 * order, and at the end dumps {@code final-disks.jsonl}, the digest of every block ever written as read
 * from the disk the VM runs on. Nothing was lost when, for every disk and block, the last journal digest
 * equals the final one.
 *
 * <p>A line carries the block's content after the write. Two overlapping writes can be in flight at once
 * and be acknowledged out of issue order; the later-issued write's content then stays on the disk (the
 * VMX's write tags grow with issue order), so a late acknowledgement of an older write journals the newer
 * content that the block still holds. Memory is one run of equal tags per written region, never an object
 * per block.
 */
public final class WriteJournal implements Observer {
  /** The tag of a block no acknowledged write has touched; older than every write tag. */
  private static final long UNWRITTEN = Long.MIN_VALUE;

  private final Writer journal;
  private final BlockDigest digest = new BlockDigest();
  private final Map<String, ExtentMap> written = new LinkedHashMap<>();
  private final Map<String, String> quoted = new LinkedHashMap<>();
  private final StringBuilder line = new StringBuilder(128);
  private long acknowledged;
  private long lines;

  public WriteJournal(Writer journal) {
    this.journal = journal;
  }

  /** The journal's name for a VM's disk: stable across the migration, whatever file backs it. */
  public static String diskName(VmId vm, int disk) {
    return vm + "/scsi0:" + disk;
  }

  @Override
  public void onEvent(long timeNanos, Event event) {
    if (event instanceof KernelEvent.GuestIoCompleted e && e.write()) {
      record(timeNanos, diskName(e.vm(), e.disk()), e.lba(), e.sectors(), e.tag());
    } else if (event instanceof KernelEvent.GuestIoFailed e && e.write()) {
      // The guest was told the write failed, but the disk may hold its content (svmsim's always does, as
      // a real disk may): journalled too, so the check explains those blocks rather than calling them lost.
      record(timeNanos, diskName(e.vm(), e.disk()), e.lba(), e.sectors(), e.tag());
    }
  }

  private void record(long timeNanos, String disk, long lba, long sectors, long tag) {
    ExtentMap map = written.computeIfAbsent(disk, d -> new ExtentMap(Long.MAX_VALUE, UNWRITTEN));
    String name = quoted.computeIfAbsent(disk, d -> new String(JsonStringEncoder.getInstance().quoteAsString(d)));
    long seq = ++acknowledged;
    long[] runs = map.slice(lba, lba + sectors);
    for (int i = 0; i < runs.length; i += 3) {
      long content = Math.max(runs[i + 2], tag);
      map.put(runs[i], runs[i + 1], content);
      for (long block = runs[i]; block < runs[i + 1]; block++) {
        line.setLength(0);
        line.append("{\"seq\":").append(seq).append(",\"timeNs\":").append(timeNanos)
            .append(",\"disk\":\"").append(name).append("\",\"block\":").append(block)
            .append(",\"digest\":\"").append(digest.of(content, block)).append("\"}\n");
        write(journal, line);
        lines++;
      }
    }
  }

  /**
   * Writes {@code final-disks.jsonl}: a header naming the block size and the disks, then every block any
   * acknowledged write touched, disk by disk in the order given, read from {@code disks}, the stores the
   * VMs run on at the end.
   */
  public void writeFinalDisks(Writer out, Map<String, BlockStore> disks) {
    StringBuilder header = new StringBuilder("{\"blockSize\":").append(BlockDigest.BLOCK_BYTES)
        .append(",\"disks\":[");
    List<String> names = List.copyOf(disks.keySet());
    for (int i = 0; i < names.size(); i++) {
      header.append(i == 0 ? "\"" : ",\"").append(JsonStringEncoder.getInstance().quoteAsString(names.get(i)))
          .append('"');
    }
    write(out, header.append("]}\n"));
    for (Map.Entry<String, BlockStore> d : disks.entrySet()) {
      ExtentMap map = written.get(d.getKey());
      if (map != null) {
        dump(out, d.getKey(), map, d.getValue());
      }
    }
  }

  private void dump(Writer out, String disk, ExtentMap map, BlockStore store) {
    String name = new String(JsonStringEncoder.getInstance().quoteAsString(disk));
    map.forEachRun((start, end, tag) -> {
      if (tag == UNWRITTEN) {
        return;
      }
      long[] found = store.read(start, end - start).runs();
      for (int i = 0; i < found.length; i += 3) {
        for (long block = found[i]; block < found[i + 1]; block++) {
          line.setLength(0);
          line.append("{\"disk\":\"").append(name).append("\",\"block\":").append(block)
              .append(",\"digest\":\"").append(digest.of(found[i + 2], block)).append("\"}\n");
          write(out, line);
        }
      }
    });
  }

  /** The number of journal lines written so far. */
  public long lines() {
    return lines;
  }

  private static void write(Writer w, CharSequence s) {
    try {
      w.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
