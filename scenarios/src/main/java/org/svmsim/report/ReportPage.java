package org.svmsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.svmsim.scenario.Mappers;

/**
 * The report as one self-contained HTML file: the page, its script and styles, the uPlot charting
 * library (a resource of the jar, with its licence beside it) and the run's data, all inline, so that
 * it opens offline from disk. The data is JSON, gzipped and base64-encoded: logs compress about tenfold,
 * which keeps a report of a million log lines to a few tens of MB; the page inflates it with the
 * browser's own DecompressionStream.
 */
public final class ReportPage {
  /** What marks a file as written by svmsim's report, so that {@code svmsim report} may replace it. */
  public static final String GENERATOR = "<meta name=\"generator\" content=\"svmsim report\">";
  private static final String SLOT = "<!--SLOT:";

  private ReportPage() {}

  /** The page of one run ({@code runs} of one) or of a comparison, with its table rows. */
  public static String html(String title, List<Map<String, Object>> runs, List<Map<String, Object>> table) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", title);
    data.put("runs", runs);
    data.put("comparison", table);
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("title", escape(title));
    slots.put("uplot-css", resource("uPlot.min.css"));
    slots.put("report-css", resource("report.css"));
    slots.put("data", encode(data));
    slots.put("uplot-js", resource("uPlot.iife.min.js"));
    slots.put("report-js", resource("report.js"));
    return fill(resource("report.html"), slots);
  }

  /** Fills each {@code <!--SLOT:name-->} of the template; what is filled in is never searched again. */
  static String fill(String template, Map<String, String> slots) {
    StringBuilder out = new StringBuilder(template.length());
    int at = 0;
    for (int i = template.indexOf(SLOT); i >= 0; i = template.indexOf(SLOT, at)) {
      int end = template.indexOf("-->", i);
      String name = template.substring(i + SLOT.length(), end);
      String value = slots.get(name);
      if (value == null) {
        throw new IllegalStateException("report.html: no value for slot " + name);
      }
      out.append(template, at, i).append(value);
      at = end + 3;
    }
    return out.append(template, at, template.length()).toString();
  }

  private static String encode(Map<String, Object> data) {
    try {
      byte[] json = Mappers.compactJson().writeValueAsBytes(data);
      ByteArrayOutputStream zipped = new ByteArrayOutputStream(json.length / 8 + 64);
      // GZIPOutputStream writes no timestamp or name: the same data gives the same bytes.
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write(json);
      }
      return Base64.getEncoder().encodeToString(zipped.toByteArray());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream("/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no /report/" + name + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
