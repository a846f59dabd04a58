package org.svmsim.explain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Explains in JSON lines: one object per input line ({@code file, lineNo, text, layout, family,
 * provenance, component, module, phase, note}), then one summary object with {@code "summary": true}.
 * {@code component} is the log (vmkernel, vmware, hostd, vpxa); {@code module} what wrote the line
 * within it (vmkernel's module, the VMX subsystem, the agent's {@code sub=}), known or not.
 */
final class JsonSink implements Explainer.Sink {
  private final JsonGenerator g;

  JsonSink(Writer out) throws IOException {
    this.g = new JsonFactory().createGenerator(out);
    g.setRootValueSeparator(null);
  }

  @Override
  public void line(String file, ParsedLine p, String phase, String note) throws IOException {
    g.writeStartObject();
    g.writeStringField("file", file);
    g.writeNumberField("lineNo", p.lineNo);
    g.writeStringField("text", p.text);
    g.writeStringField("layout", p.layoutId());
    g.writeStringField("family", p.family == null ? null : p.family.name());
    g.writeStringField("provenance", p.family == null ? null : p.family.provenance().text());
    g.writeStringField("component", p.family != null ? Notes.log(p.family) : p.component == null ? null : p.component.id());
    g.writeStringField("module", p.module);
    g.writeStringField("phase", phase);
    g.writeStringField("note", note);
    g.writeEndObject();
    g.writeRaw('\n');
  }

  @Override
  public void summary(Summary s) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("summary", true);
    g.writeArrayFieldStart("files");
    for (String f : s.files()) {
      g.writeString(f);
    }
    g.writeEndArray();
    g.writeNumberField("lines", s.lines());
    g.writeNumberField("layoutsRecognised", s.layouts());
    g.writeNumberField("familiesRecognised", s.families());
    g.writeStringField("outcome", s.outcome());
    g.writeStringField("failureReason", s.failureReason());
    g.writeNumberField("migrationTimeMs", s.migrationTimeMs());
    g.writeNumberField("downtimeMs", s.downtimeMs());
    g.writeArrayFieldStart("faults");
    for (String f : s.faults()) {
      g.writeString(f);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("migrations");
    for (Migration m : s.migrations()) {
      migration(m);
    }
    g.writeEndArray();
    g.writeNumberField("migrationsNotKept", s.dropped());
    g.writeEndObject();
    g.writeRaw('\n');
    g.flush();
  }

  private void migration(Migration m) throws IOException {
    g.writeStartObject();
    g.writeStringField("vm", m.vm);
    g.writeArrayFieldStart("migrationIds");
    for (String id : m.ids) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeStringField("method", m.method);
    g.writeObjectFieldStart("disks");
    for (Map.Entry<String, String> d : m.disks.entrySet()) {
      g.writeStringField(d.getKey(), d.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("mirrorDevices");
    for (String d : m.devices) {
      g.writeString(d);
    }
    g.writeEndArray();
    g.writeStringField("sourceDatastore", m.sourceDatastore);
    g.writeStringField("destinationDatastore", m.destinationDatastore);
    g.writeArrayFieldStart("phasesReached");
    for (String p : m.phases) {
      g.writeString(p);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("svmotionPhases");
    for (int p : m.svmotionPhases.keySet()) {
      g.writeNumber(p);
    }
    g.writeEndArray();
    g.writeStringField("outcome", m.outcome());
    g.writeStringField("failureReason", m.reason);
    g.writeNumberField("migrationTimeMs", m.elapsedMillis());
    g.writeBooleanField("migrationTimeFromVpxa", m.exact());
    g.writeNumberField("downtimeMs", m.downtimeMicros / 1e3);
    g.writeNumberField("stuns", m.stuns);
    g.writeObjectFieldStart("timesMs");
    for (Map.Entry<String, Long> t : m.stageMillis().entrySet()) {
      g.writeNumberField(t.getKey(), t.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("faults");
    for (Migration.Fault f : m.faults.values()) {
      g.writeStartObject();
      g.writeStringField("kind", f.kind);
      g.writeStringField("mode", f.mode);
      g.writeStringField("from", f.first == Timestamps.NONE ? null : Timestamps.iso(f.first));
      g.writeStringField("to", f.last == Timestamps.NONE ? null : Timestamps.iso(f.last));
      g.writeNumberField("lines", f.lines);
      g.writeArrayFieldStart("evidence");
      for (String e : f.evidence()) {
        g.writeString(e);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("evidence");
    for (String e : m.evidence) {
      g.writeString(e);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
