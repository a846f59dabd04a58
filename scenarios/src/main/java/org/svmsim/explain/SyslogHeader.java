package org.svmsim.explain;

/**
 * A syslog header in front of a line: ESX 4.x's own vmkernel syslog ({@code Mon DD HH:MM:SS [host ]vmkernel:
 * <uptime> cpuN:world)}), and the copies a syslog server keeps of any ESXi log, RFC 3164
 * ({@code [<PRI>]Mon DD HH:MM:SS host tag[pid]: message}, also with an ISO time as ESXi sends it) or RFC 5424
 * ({@code <PRI>1 ts host app procid msgid [sd|-] message}). The message is then read as the layout it is
 * (a vmkernel body, an agent line, a VMX thread line, or a whole line with its own time); a line of
 * another daemon gets the {@code syslog} layout, its tag as its module.
 */
final class SyslogHeader {
  private final LineParser parser;
  private final long[] time = new long[1];

  SyslogHeader(LineParser parser) {
    this.parser = parser;
  }

  boolean parse(ParsedLine p, String s) {
    int n = s.length();
    int i = 0;
    if (s.charAt(0) == '<') {
      int j = 1;
      while (j < n && j <= 4 && Character.isDigit(s.charAt(j))) {
        j++;
      }
      if (j == 1 || j >= n || s.charAt(j) != '>') {
        return false;
      }
      i = j + 1;
    }
    boolean rfc5424 = i > 0 && i + 1 < n && Character.isDigit(s.charAt(i)) && s.charAt(i + 1) == ' ';
    if (rfc5424) {
      i += 2;
    }
    int e = Timestamps.iso(s, i, time);
    if (e < 0) {
      e = Timestamps.syslog(s, i, time);
    }
    long t = time[0];
    if (e < 0 && rfc5424 && s.startsWith("- ", i)) {
      e = i + 1;
      t = Timestamps.NONE;
    }
    if (e < 0 || e >= n || s.charAt(e) != ' ') {
      return false;
    }
    i = skip(s, e);
    int[] tag = new int[2];
    int content = rfc5424 ? rfc5424(s, i, tag) : rfc3164(s, i, tag);
    if (content < 0) {
      return false;
    }
    String c = content < n ? s.substring(content) : "";
    if (!c.isEmpty() && c.charAt(0) == '\uFEFF') {
      c = c.substring(1);
    }
    return message(p, c, t, s.substring(tag[0], tag[1]));
  }

  private static int skip(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** {@code [host ]tag[pid]: message}: where the message starts, the tag's name in {@code tag}; or -1. */
  private static int rfc3164(String s, int i, int[] tag) {
    int n = s.length();
    int end = s.indexOf(' ', i);
    if (end < 0) {
      end = n;
    }
    if (!isTag(s, i, end)) {
      i = skip(s, end);
      end = s.indexOf(' ', i);
      if (end < 0) {
        end = n;
      }
      if (!isTag(s, i, end)) {
        return -1;
      }
    }
    int open = s.indexOf('[', i);
    tag[0] = i;
    tag[1] = open > i && open < end ? open : end - 1;
    return Math.min(n, end + 1);
  }

  /** {@code name:} or {@code name[pid]:}. */
  private static boolean isTag(String s, int from, int end) {
    if (end - from < 2 || s.charAt(end - 1) != ':' || !Character.isLetter(s.charAt(from))) {
      return false;
    }
    boolean inPid = false;
    for (int i = from; i < end - 1; i++) {
      char c = s.charAt(i);
      if (c == '[' && !inPid) {
        inPid = true;
      } else if (c == ']' && inPid) {
        return i == end - 2;
      } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/')) {
        return false;
      }
    }
    return !inPid;
  }

  /** {@code host app procid msgid sd message}: where the message starts, the app's name in {@code tag}. */
  private static int rfc5424(String s, int i, int[] tag) {
    int n = s.length();
    int host = s.indexOf(' ', i);
    if (host < 0) {
      return -1;
    }
    int app = skip(s, host);
    int appEnd = s.indexOf(' ', app);
    if (appEnd < 0) {
      return -1;
    }
    int proc = s.indexOf(' ', skip(s, appEnd));
    int msgid = proc < 0 ? -1 : s.indexOf(' ', skip(s, proc));
    if (msgid < 0) {
      return -1;
    }
    int sd = skip(s, msgid);
    if (sd >= n) {
      return -1;
    }
    int end;
    if (s.charAt(sd) == '-') {
      end = sd + 1;
    } else if (s.charAt(sd) == '[') {
      end = sd;
      while (end < n && s.charAt(end) == '[') {
        end = closing(s, end);
        if (end < 0) {
          return -1;
        }
      }
    } else {
      return -1;
    }
    tag[0] = app;
    tag[1] = appEnd;
    return end < n && s.charAt(end) == ' ' ? end + 1 : end;
  }

  /** After the {@code ]} that closes the structured-data element at {@code open} ({@code \]} escapes). */
  private static int closing(String s, int open) {
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ']') {
        return i + 1;
      }
    }
    return -1;
  }

  /** The message after the header, read as the layout it carries. */
  private boolean message(ParsedLine p, String c, long t, String tag) {
    if (!c.isEmpty()) {
      int e = Timestamps.iso(c, 0, time);
      if (e > 0 && parser.afterTimestamp(p, c, e, time[0])) {
        return forwarded(p);
      }
      if (LineParser.uptime(p, c, 0, t)) {
        return true;
      }
      if (parser.body(p, c, 0, t)) {
        return forwarded(p);
      }
      if (parser.vmwareThread(p, c, t, Layout.VMWARE_51, Layout.VMWARE_50)) {
        return forwarded(p);
      }
      if (c.startsWith("[Originator@") && (tag.equalsIgnoreCase("hostd") || tag.equalsIgnoreCase("vpxa"))) {
        if (parser.originator(p, c, 0, t, Layout.AGENT_8X, LineParser.component(tag))) {
          return forwarded(p);
        }
      }
    }
    Component of = switch (tag.toLowerCase(java.util.Locale.ROOT)) {
      case "vmkernel", "vmkwarning", "vmkalert" -> Component.VMKERNEL;
      case "hostd" -> Component.HOSTD;
      case "vpxa" -> Component.VPXA;
      case "vmx" -> Component.VMWARE;
      default -> null;
    };
    LineParser.set(p, Layout.SYSLOG, c);
    p.component = of;
    p.time = t;
    p.sub = tag;
    return true;
  }

  private static boolean forwarded(ParsedLine p) {
    p.forwarded = true;
    return true;
  }
}
