package org.svmsim.run;

import java.util.Arrays;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.Event;

/**
 * Encodes events as {@code events.jsonl} lines into one reused buffer. The three events a long run is made
 * of (a guest I/O issued and completed, a chunk copied: 99.9 % of big-disk's 1.1 M lines) are written by
 * hand, field by field; every other event goes through {@link EventJson} (Jackson). The hand-written lines
 * are the bytes Jackson writes for the same event ({@code EventLinesTest} checks it on every field's edge
 * values); a name that Jackson would escape takes the Jackson path, so the file never depends on which
 * path wrote a line.
 */
final class EventLines {
  private static final byte[] ISSUED = bytesOf(",\"type\":\"Vmx.GuestIoIssued\",\"vm\":\"");
  private static final byte[] COMPLETED = bytesOf(",\"type\":\"Kernel.GuestIoCompleted\",\"vm\":\"");
  private static final byte[] CHUNK = bytesOf(",\"type\":\"Kernel.ChunkCopied\",\"job\":");
  private static final byte[] T = bytesOf("{\"t\":");
  private static final byte[] DISK = bytesOf("\",\"disk\":");
  private static final byte[] IO_ID = bytesOf(",\"ioId\":");
  private static final byte[] WRITE = bytesOf(",\"write\":");
  private static final byte[] LBA = bytesOf(",\"lba\":");
  private static final byte[] SECTORS = bytesOf(",\"sectors\":");
  private static final byte[] TAG = bytesOf(",\"tag\":");
  private static final byte[] ROUTE = bytesOf(",\"route\":\"");
  private static final byte[] WAITED = bytesOf("\",\"waited\":");
  private static final byte[] LATENCY = bytesOf(",\"latencyNanos\":");
  private static final byte[] PASS = bytesOf(",\"pass\":");
  private static final byte[] TRUE = bytesOf("true");
  private static final byte[] FALSE = bytesOf("false");
  private static final byte[] MIN_LONG = bytesOf(Long.toString(Long.MIN_VALUE));
  /** "00" to "99": a number is written two digits a division. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private final EventJson json = new EventJson();
  private byte[] buf = new byte[256];
  private int len;

  /** Encodes {@code event}'s line, without its newline, as {@link #bytes()}{@code [0, }{@link #length()}{@code )}. */
  void encode(long timeNanos, Event event) {
    len = 0;
    if (event instanceof VmxEvent.GuestIoIssued e && plainName(e.vm().name())) {
      head(timeNanos, ISSUED, e.vm().name());
      io(e.disk(), e.ioId(), e.write(), e.lba(), e.sectors(), e.tag());
      put((byte) '}');
    } else if (event instanceof KernelEvent.GuestIoCompleted e && plainName(e.vm().name())) {
      head(timeNanos, COMPLETED, e.vm().name());
      io(e.disk(), e.ioId(), e.write(), e.lba(), e.sectors(), e.tag());
      put(ROUTE);
      ascii(e.route().name());
      put(WAITED);
      put(e.waited() ? TRUE : FALSE);
      put(LATENCY);
      number(e.latencyNanos());
      put((byte) '}');
    } else if (event instanceof KernelEvent.ChunkCopied e) {
      put(T);
      number(timeNanos);
      put(CHUNK);
      number(e.job().json());
      put(PASS);
      number(e.pass());
      put(LBA);
      number(e.lba());
      put(SECTORS);
      number(e.sectors());
      put((byte) '}');
    } else {
      byte[] line = json.writeBytes(timeNanos, event);
      ensure(line.length);
      System.arraycopy(line, 0, buf, 0, line.length);
      len = line.length;
    }
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  private void head(long timeNanos, byte[] typeAndVm, String vm) {
    put(T);
    number(timeNanos);
    put(typeAndVm);
    ascii(vm);
    put(DISK);
  }

  private void io(int disk, long ioId, boolean write, long lba, long sectors, long tag) {
    number(disk);
    put(IO_ID);
    number(ioId);
    put(WRITE);
    put(write ? TRUE : FALSE);
    put(LBA);
    number(lba);
    put(SECTORS);
    number(sectors);
    put(TAG);
    number(tag);
  }

  /** The last name found {@link #plain}: a run's lines name the same few VMs again and again. */
  private String lastPlain;

  private boolean plainName(String s) {
    if (s == lastPlain) {
      return true;
    }
    if (plain(s)) {
      lastPlain = s;
      return true;
    }
    return false;
  }

  /** A name Jackson writes as it is: printable ASCII, no quote, no backslash. */
  static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  /**
   * A long in decimal, as {@code Long.toString} writes it, without making a string. Most numbers of a line
   * fit an int (a disk, an I/O id, a length): those take int arithmetic; a longer one (a time in
   * nanoseconds) is cut into parts of eight digits first.
   */
  private void number(long v) {
    if (v == Long.MIN_VALUE) {
      put(MIN_LONG);
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    if (v <= Integer.MAX_VALUE) {
      positive((int) v);
      return;
    }
    long high = v / EIGHT_DIGITS;
    int low = (int) (v - high * EIGHT_DIGITS);
    if (high <= Integer.MAX_VALUE) {
      positive((int) high);
    } else {
      long top = high / EIGHT_DIGITS;
      positive((int) top);
      eightDigits((int) (high - top * EIGHT_DIGITS));
    }
    eightDigits(low);
  }

  private static final long EIGHT_DIGITS = 100_000_000L;
  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
      1_000_000_000};

  /** {@code v >= 0} in decimal, two digits a division. */
  private void positive(int v) {
    if (v < 10) {
      buf[len++] = (byte) ('0' + v);
      return;
    }
    int i = len + digits(v);
    len = i;
    while (v >= 100) {
      int q = v / 100;
      int r = v - q * 100;
      v = q;
      buf[--i] = PAIRS[2 * r + 1];
      buf[--i] = PAIRS[2 * r];
    }
    if (v >= 10) {
      buf[--i] = PAIRS[2 * v + 1];
      buf[--i] = PAIRS[2 * v];
    } else {
      buf[--i] = (byte) ('0' + v);
    }
  }

  /** {@code 0 <= v < 10^8} as exactly eight digits, with leading zeros. */
  private void eightDigits(int v) {
    int i = len + 8;
    len = i;
    for (int k = 0; k < 4; k++) {
      int q = v / 100;
      int r = v - q * 100;
      v = q;
      buf[--i] = PAIRS[2 * r + 1];
      buf[--i] = PAIRS[2 * r];
    }
  }

  /** The decimal digits of {@code v > 0}: from its bit length, then one comparison. */
  static int digits(int v) {
    int t = (32 - Integer.numberOfLeadingZeros(v)) * 1233 >>> 12;
    return t + 1 - (v < POWERS[t] ? 1 : 0);
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private static byte[] bytesOf(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
