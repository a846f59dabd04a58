package org.svmsim.explain;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/** Explains in text: each line with its reading, then a note, then the summary. */
final class TextSink implements Explainer.Sink {
  private final Writer out;
  private final StringBuilder sb = new StringBuilder(512);
  /** Lines go out in 64 KiB writes: a write per line costs more than explaining the line. */
  private final char[] buffer = new char[1 << 16];
  private int used;

  TextSink(Writer out) {
    this.out = out;
  }

  @Override
  public void line(String file, ParsedLine p, String phase, String note) throws IOException {
    sb.setLength(0);
    sb.append(file).append(':').append(p.lineNo).append(" | ")
        .append(p.layout == null ? "?" : p.layoutId()).append(" | ");
    if (p.family != null) {
      sb.append(Notes.log(p.family)).append(' ').append(p.family.name()).append(' ')
          .append(p.family.provenance().text());
    } else {
      sb.append(p.component == null ? "-" : p.component.id());
      if (p.module != null) {
        sb.append('/').append(p.module);
      }
      sb.append(p.layout == Layout.COMMENT || p.layout == Layout.BLANK ? "" : " unrecognised");
    }
    sb.append(" | ").append(phase == null ? "-" : phase).append(" | ");
    if (p.ascii || LineParser.printable(p.text)) {
      sb.append(p.text);
    } else {
      for (int i = 0; i < p.text.length(); i++) {
        char c = p.text.charAt(i);
        sb.append(c < 0x20 || c == 0x7f ? '?' : c);
      }
    }
    sb.append("\n    ").append(note).append('\n');
    int n = sb.length();
    if (used + n > buffer.length) {
      drain();
      if (n > buffer.length) {
        out.append(sb);
        return;
      }
    }
    sb.getChars(0, n, buffer, used);
    used += n;
  }

  private void drain() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  @Override
  public void summary(Summary s) throws IOException {
    drain();
    StringBuilder b = new StringBuilder();
    b.append("\n== summary: ").append(s.lines()).append(" lines in ").append(s.files().size())
        .append(" files; layout known for ").append(s.layouts()).append(", family known for ")
        .append(s.families()).append('\n');
    b.append("outcome: ").append(s.outcome());
    if (!s.failureReason().isEmpty()) {
      b.append(" (").append(s.failureReason()).append(')');
    }
    b.append(String.format(Locale.ROOT, "; migration time %.3f s; downtime %.3f ms%n",
        s.migrationTimeMs() / 1000.0, s.downtimeMs()));
    if (!s.faults().isEmpty()) {
      b.append("faults: ").append(String.join(", ", s.faults())).append('\n');
    }
    int n = 0;
    for (Migration m : s.migrations()) {
      b.append("\nmigration ").append(++n).append(": vm ").append(m.vm == null ? "?" : m.vm)
          .append(", id ").append(m.ids.isEmpty() ? "?" : String.join(" ", m.ids))
          .append(", method ").append(m.method == null ? "?" : m.method).append('\n');
      b.append("  outcome: ").append(m.outcome());
      if (!m.reason.isEmpty()) {
        b.append(", because: ").append(m.reason);
      }
      b.append('\n');
      b.append(String.format(Locale.ROOT, "  time: %.3f s%s, downtime %.3f ms over %d stun(s)%n",
          m.elapsedMillis() / 1000.0, m.exact() ? " (vpxa BEGIN to FINISH)" : " (first to last line)",
          m.downtimeMicros / 1000.0, m.stuns));
      if (!m.disks.isEmpty()) {
        b.append("  disks: ").append(m.disks).append('\n');
      }
      if (!m.devices.isEmpty()) {
        b.append("  mirror devices: ").append(String.join(" ", m.devices)).append('\n');
      }
      b.append("  datastores: source ").append(m.sourceDatastore == null ? "?" : m.sourceDatastore)
          .append(", destination ").append(m.destinationDatastore == null ? "?" : m.destinationDatastore)
          .append('\n');
      b.append("  phases reached: ").append(String.join(", ", m.phases));
      if (!m.svmotionPhases.isEmpty()) {
        b.append("; SVMotion phases ").append(m.svmotionPhases.keySet());
      }
      b.append('\n');
      for (Map.Entry<String, Long> t : m.stageMillis().entrySet()) {
        b.append(String.format(Locale.ROOT, "  %-10s %12.3f s%n", t.getKey(), t.getValue() / 1000.0));
      }
      for (Migration.Fault f : m.faults.values()) {
        b.append("  fault: ").append(f.kind).append(f.mode == null ? "" : " (" + f.mode + ")")
            .append(f.first == Timestamps.NONE ? "" : ", from " + Timestamps.iso(f.first) + " to "
                + Timestamps.iso(f.last)).append(", ").append(f.lines).append(" line(s):\n");
        for (String e : f.evidence()) {
          b.append("    ").append(e).append('\n');
        }
      }
      b.append("  evidence:\n");
      for (String e : m.evidence) {
        b.append("    ").append(e).append('\n');
      }
    }
    if (s.dropped() > 0) {
      b.append("(").append(s.dropped()).append(" more migrations not kept)\n");
    }
    out.append(b);
    out.flush();
  }
}
