package org.svmsim.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.svmsim.kernel.log.CatalogEntry;
import org.svmsim.kernel.log.Provenance;
import org.svmsim.kernel.log.VmkernelCatalog;
import org.svmsim.vmx.log.VmwareCatalog;
import org.svmsim.vpxa.log.HostdCatalog;
import org.svmsim.vpxa.log.VpxaCatalog;

/** What explain says about each family: its phase and a plain-language note (resource notes.tsv). */
final class Notes {
  record Note(String phase, String text) {}

  // Looked up only: HashMap order never reaches the output.
  private final Map<String, Note> notes = new HashMap<>();
  private final Map<CatalogEntry, Note> byEntry = new IdentityHashMap<>();

  Notes() {
    try (InputStream in = Notes.class.getResourceAsStream("notes.tsv")) {
      if (in == null) {
        throw new IllegalStateException("notes.tsv is missing from the jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (!line.startsWith("#") && f.length == 3) {
          notes.put(f[0], new Note(f[1], f[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Note of(CatalogEntry entry) {
    Note cached = byEntry.get(entry);
    if (cached != null) {
      return cached;
    }
    Note n = notes.get(key(entry));
    n = n != null ? n : new Note("-", entry.provenance() == Provenance.REAL
        ? "a real ESXi message of svmsim's catalogs" : "a message of svmsim's own wording");
    byEntry.put(entry, n);
    return n;
  }

  static String key(CatalogEntry e) {
    return log(e) + "." + e.name();
  }

  /** The log whose catalog holds the entry. */
  static String log(CatalogEntry e) {
    if (e instanceof VmkernelCatalog) {
      return "vmkernel";
    }
    if (e instanceof VmwareCatalog) {
      return "vmware";
    }
    if (e instanceof HostdCatalog) {
      return "hostd";
    }
    return e instanceof VpxaCatalog ? "vpxa" : "other";
  }
}
