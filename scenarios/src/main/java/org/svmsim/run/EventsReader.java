package org.svmsim.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.svmsim.scenario.Mappers;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an events file and trusts none of it: the header must be svmsim's and of this format, times must
 * never go back, and the trailer must close the file with the count and digest of every line before it,
 * so a file that is empty, truncated, reordered, shortened, lengthened or edited is refused. Accepts
 * svmsim's own gzip form ({@code events.jsonl.gz}). Every refusal is a {@link BadEventsFileException}
 * naming the file and the line.
 */
final class EventsReader implements Closeable {
  private static final ObjectMapper MAPPER = Mappers.eventLines();
  private final Path file;
  private final BufferedReader in;
  private final Checksum digest = new CRC32C();
  private long bytes;
  private final EventJson json = new EventJson();
  private long lineNo;
  private long events;
  private long lastTime;
  private EventsHeader header;

  /** An event line, verified so far. */
  interface EventSink {
    void accept(long lineNo, EventJson.Timed event);
  }

  EventsReader(Path file) throws IOException {
    this.file = file;
    if (Files.isDirectory(file)) {
      throw bad("is a directory: give the events.jsonl inside a run's output");
    }
    InputStream raw = Files.newInputStream(file);
    byte[] magic = new byte[6];
    int n = raw.readNBytes(magic, 0, magic.length);
    raw.close();
    String kind = archiveKind(magic, n);
    if (kind != null) {
      throw bad("is " + kind + ": svmsim reads an events.jsonl, or its own events.jsonl.gz");
    }
    InputStream data = Files.newInputStream(file);
    if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      data = new GZIPInputStream(data, 1 << 16);
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    this.in = new BufferedReader(new InputStreamReader(data, decoder), 1 << 16);
  }

  private static String archiveKind(byte[] m, int n) {
    if (n >= 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4) {
      return "a zip archive";
    }
    if (n >= 3 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h') {
      return "bzip2-compressed";
    }
    if (n >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X' && m[4] == 'Z') {
      return "xz-compressed";
    }
    if (n >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f && (m[3] & 0xff) == 0xfd) {
      return "zstd-compressed";
    }
    return null;
  }

  /** Reads and checks the header line. */
  EventsHeader header() throws IOException {
    String line = next();
    if (line == null) {
      throw bad(1, "the file is empty: an events file starts with svmsim's header line");
    }
    if (line.strip().equals("{") || line.strip().equals("[")) {
      throw bad(1, "this is a multi-line JSON document (a summary.json?), not an events file:"
          + " give the run's events.jsonl");
    }
    JsonNode node = readJson(line);
    JsonNode version = node == null ? null : node.get("svmsimEvents");
    if (version == null) {
      throw bad(1, "no svmsim header: an events file svmsim wrote starts with {\"svmsimEvents\":"
          + EventsHeader.FORMAT + ",...}");
    }
    if (!version.isInt() || version.intValue() != EventsHeader.FORMAT) {
      throw bad(1, "events format " + version + ": this svmsim reads format " + EventsHeader.FORMAT);
    }
    try {
      header = MAPPER.treeToValue(node, EventsHeader.class);
    } catch (IOException e) {
      throw bad(1, "the header's fields are not svmsim's (" + EventJson.describe(e) + ")");
    }
    digest(line);
    return header;
  }

  /** Reads every event line, checking each, then the trailer; returns the number of events. */
  long events(EventSink sink) throws IOException {
    if (header == null) {
      header();
    }
    for (String line = next(); ; line = next()) {
      if (line == null) {
        throw bad(lineNo + 1, "the file ends without svmsim's trailer line: it is truncated, or its run did not"
            + " finish writing it");
      }
      if (line.startsWith("{\"end\":")) {
        trailer(line);
        if (next() != null) {
          throw bad("line " + lineNo + ": more lines after the trailer");
        }
        return events;
      }
      EventJson.Timed e;
      try {
        e = json.read(line);
      } catch (IOException | IllegalArgumentException ex) {
        throw bad(lineNo, EventJson.describe(ex));
      }
      if (e.timeNanos() < lastTime) {
        throw bad(lineNo, "time goes back (t " + e.timeNanos() + " after " + lastTime
            + "): lines were reordered or edited");
      }
      lastTime = e.timeNanos();
      digest(line);
      events++;
      sink.accept(lineNo, e);
    }
  }

  private void trailer(String line) {
    EventsTrailer t;
    try {
      t = MAPPER.readValue(line, EventsTrailer.class);
    } catch (IOException e) {
      throw bad(lineNo, "a damaged trailer line (" + EventJson.describe(e) + ")");
    }
    if (t.events() != events) {
      throw bad(lineNo, "the trailer counts " + t.events() + " events but the file holds " + events
          + ": lines were deleted or added");
    }
    if (t.bytes() != bytes || !EventRecorder.hex(digest).equals(t.crc32c())) {
      throw bad(lineNo, "the lines before the trailer do not match its length and crc32c: the file was edited");
    }
  }

  private String next() throws IOException {
    String line;
    try {
      line = in.readLine();
    } catch (CharacterCodingException e) {
      throw bad(lineNo + 1, "not UTF-8 text: a binary file is not an events file");
    } catch (ZipException | java.io.EOFException e) {
      throw bad(lineNo + 1, "the compressed data is damaged or cut short");
    }
    if (line != null) {
      lineNo++;
      if (line.indexOf('\0') >= 0) {
        throw bad(lineNo, "binary data (a NUL byte): not an events file");
      }
    }
    return line;
  }

  private JsonNode readJson(String line) {
    try {
      return MAPPER.readTree(line);
    } catch (IOException e) {
      throw bad(lineNo, "not JSON (" + EventJson.describe(e) + ")");
    }
  }

  private void digest(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    digest.update(b);
    digest.update('\n');
    bytes += b.length + 1;
  }

  BadEventsFileException bad(long line, String why) {
    return bad("line " + line + ": " + why);
  }

  private BadEventsFileException bad(String why) {
    return new BadEventsFileException(file + ": " + why, null);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
