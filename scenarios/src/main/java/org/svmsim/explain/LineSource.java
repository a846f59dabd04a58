package org.svmsim.explain;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of one file, read in bounded memory whatever the file holds: a line longer than
 * {@link #MAX_LINE} bytes is cut there (the rest follows as further pieces, each flagged truncated), a
 * carriage return before the newline is dropped, and bytes that are not UTF-8 become U+FFFD.
 */
final class LineSource implements Closeable {
  static final int MAX_LINE = 16 * 1024;
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private byte[] line = new byte[256];
  private int pos;
  private int limit;
  private boolean eof;
  private long lineNo;
  private boolean truncated;
  private boolean printable;

  LineSource(InputStream in) {
    this.in = in;
  }

  /** The next line without its end, or null at the end of the file. */
  String next() throws IOException {
    int len = 0;
    truncated = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (len == 0) {
            return null;
          }
          break;
        }
      }
      int start = pos;
      int end = start;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      int take = Math.min(end - start, MAX_LINE - len);
      if (len + take > line.length) {
        line = Arrays.copyOf(line, Math.max(len + take, Math.min(MAX_LINE, line.length * 2)));
      }
      System.arraycopy(buffer, start, line, len, take);
      len += take;
      if (take < end - start) {
        pos = start + take;
        truncated = true;
        break;
      }
      if (end < limit) {
        pos = end + 1;
        break;
      }
      pos = limit;
    }
    lineNo++;
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    boolean ascii = true;
    boolean clean = true;
    for (int i = 0; i < len; i++) {
      byte b = line[i];
      if (b < 0x20) {
        ascii &= b >= 0;
        clean &= b == '\t';
      } else if (b == 0x7f) {
        clean = false;
      }
    }
    printable = clean && ascii;
    return ascii ? latin1(len) : new String(line, 0, len, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("deprecation")
  private String latin1(int len) {
    return new String(line, 0, 0, len);
  }

  /** True if the last line is plain printable ASCII (the common case: no check needed downstream). */
  boolean printable() {
    return printable;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  long lineNo() {
    return lineNo;
  }

  /** True if the last line was cut at {@link #MAX_LINE}. */
  boolean truncated() {
    return truncated;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
