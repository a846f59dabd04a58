package org.svmsim.explain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.svmsim.kernel.log.CatalogEntry;
import org.svmsim.vmx.log.VmwareCatalog;

/**
 * {@code svmsim explain}: reads vmkernel.log, vmware.log, hostd.log and vpxa.log files, real or svmsim's,
 * one line at a time, interleaved by time, and says for each line its layout, log, family, phase and
 * what it means; then sums up the migrations it followed. It streams: what it holds is one line per file,
 * the migrations' summaries and the catalogs, whatever the size of the files.
 */
public final class Explainer {
  private final Notes notes = new Notes();
  private final MigrationTracker tracker = new MigrationTracker();
  private final Sink sink;
  private long lines;
  private long layouts;
  private long families;

  /** Where explained lines and the summary go: text or JSON. */
  interface Sink {
    void line(String file, ParsedLine p, String phase, String note) throws IOException;

    void summary(Summary s) throws IOException;
  }

  Explainer(Sink sink) {
    this.sink = sink;
  }

  /** Explains {@code files} to {@code sink}, interleaved by time; returns the summary. */
  public static Summary explain(List<Path> files, Sink sink) throws IOException {
    List<Input> inputs = new ArrayList<>();
    try {
      for (Path f : files) {
        inputs.add(new Input(f.toString(), new BufferedInputStream(Files.newInputStream(f), 1 << 16),
            vmOf(f.toAbsolutePath().toString())));
      }
    } catch (IOException e) {
      for (Input in : inputs) {
        in.in().close();
      }
      throw e;
    }
    return new Explainer(sink).run(inputs);
  }

  /** One file to explain: its name as printed, its bytes, and the VM whose home holds it (or null). */
  record Input(String name, InputStream in, String vm) {}

  /** The VM a {@code .../<vm>/vmware.log} belongs to: the name of its directory; null for other logs. */
  static String vmOf(String path) {
    String p = path.replace('\\', '/');
    int slash = p.lastIndexOf('/');
    if (slash <= 0 || !p.substring(slash + 1).matches("vmware(-\\d+)?\\.log")) {
      return null;
    }
    int parent = p.lastIndexOf('/', slash - 1);
    String vm = p.substring(parent + 1, slash);
    return vm.isEmpty() ? null : vm;
  }

  private final class Cursor implements Comparable<Cursor> {
    final int order;
    final String name;
    final LineSource source;
    final LineParser parser = new LineParser();
    final Families families = new Families();
    final MigrationTracker.FileState state = new MigrationTracker.FileState();
    final ParsedLine line = new ParsedLine();
    long key = Long.MIN_VALUE;

    Cursor(int order, Input input) {
      this.order = order;
      this.name = input.name();
      this.source = new LineSource(input.in());
      state.vm = input.vm();
    }

    /** Reads and parses the next line; false at the end of the file. */
    boolean advance() throws IOException {
      String text = source.next();
      if (text == null) {
        source.close();
        return false;
      }
      line.reset(text, source.lineNo());
      line.truncated = source.truncated();
      line.ascii = source.printable();
      try {
        parser.parse(line);
      } catch (RuntimeException e) {
        failed(line, e);
      }
      if (line.time != Timestamps.NONE) {
        key = line.time;
      }
      return true;
    }

    @Override
    public int compareTo(Cursor o) {
      int c = Long.compare(key, o.key);
      return c != 0 ? c : Integer.compare(order, o.order);
    }
  }

  Summary run(List<Input> files) throws IOException {
    PriorityQueue<Cursor> queue = new PriorityQueue<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Cursor c = new Cursor(i, files.get(i));
      names.add(c.name);
      if (c.advance()) {
        queue.add(c);
      }
    }
    while (!queue.isEmpty()) {
      Cursor c = queue.poll();
      explainLine(c);
      if (c.advance()) {
        queue.add(c);
      }
    }
    Summary s = new Summary(names, lines, layouts, families, tracker.migrations(), tracker.dropped());
    sink.summary(s);
    return s;
  }

  private void explainLine(Cursor c) throws IOException {
    ParsedLine p = c.line;
    lines++;
    if (p.failure == null) {
      try {
        c.families.classify(p);
        if (p.family != null) {
          tracker.observe(c.name, p, c.state);
        }
      } catch (RuntimeException e) {
        failed(p, e);
      }
    }
    String phase = null;
    String note;
    if (p.layout != null) {
      layouts++;
    }
    CatalogEntry f = p.family;
    if (f != null) {
      families++;
      Notes.Note n = notes.of(f);
      phase = n.phase();
      note = p.inherited ? "continues: " + n.text() : n.text();
      if (f == VmwareCatalog.PHASE_ENTERED && !p.inherited) {
        String num = p.normal.substring(p.normal.lastIndexOf(' ') + 1);
        phase = num.matches("\\d+") ? svmotionPhase(Integer.parseInt(num)) : phase;
      }
    } else if (p.failure != null) {
      note = p.failure;
    } else if (p.layout == null) {
      note = p.ascii || LineParser.printable(p.text) ? "unrecognised: not a line of any ESXi log layout explain knows"
          : "unrecognised: binary or undecodable bytes";
    } else if (p.layout == Layout.COMMENT || p.layout == Layout.BLANK) {
      note = p.layout.description();
    } else {
      note = "unrecognised message: its layout is known, its family is in none of svmsim's catalogs";
    }
    if (p.truncated) {
      note = note + " (line cut at " + LineSource.MAX_LINE + " bytes)";
    }
    sink.line(c.name, p, phase, note);
  }

  /** A line explain failed on (a bug): shown, unread, and the run goes on. */
  private static void failed(ParsedLine p, RuntimeException e) {
    String text = p.text;
    long no = p.lineNo;
    boolean truncated = p.truncated;
    boolean ascii = p.ascii;
    p.reset(text, no);
    p.truncated = truncated;
    p.ascii = ascii;
    p.failure = "internal error: explain could not read this line (" + e + "); please report it";
  }

  /** Where svmsim's SVMotion phase N sits among the relocate's steps (Phase.java). */
  static String svmotionPhase(int n) {
    if (n <= 7) {
      return "3-mirror";
    }
    return n == 8 ? "4-copy" : n == 9 ? "5-switchover" : "6-cleanup";
  }
}
