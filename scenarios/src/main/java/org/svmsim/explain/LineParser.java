package org.svmsim.explain;

/**
 * Reads the layout of a line by its structure, by hand, since it runs on every line: the timestamp's
 * shape, then what follows it ({@code cpuN:world)}, {@code | thread| }, a level tag, a daemon). One parser
 * per file: a line without a prefix after a vmkernel line is that message's continuation.
 */
final class LineParser {
  private final long[] time = new long[1];
  private final Timestamps.Cache cache = new Timestamps.Cache();
  private Layout previous;
  private Component agent = Component.HOSTD;

  void parse(ParsedLine p) {
    String s = p.text;
    Layout before = previous;
    previous = null;
    if (s.isBlank()) {
      p.layout = Layout.BLANK;
      return;
    }
    if (s.startsWith("#")) {
      p.layout = Layout.COMMENT;
      return;
    }
    if (s.startsWith("-->")) {
      set(p, Layout.AGENT_CONTINUATION, s.length() > 4 ? s.substring(4) : "");
      p.component = agent;
      previous = Layout.AGENT_CONTINUATION;
      return;
    }
    int e = Timestamps.iso(s, 0, time, cache);
    long t = time[0];
    if (e < 0) {
      e = Timestamps.placeholder(s, 0);
      t = Timestamps.NONE;
    }
    boolean parsed = e > 0 ? afterTimestamp(p, s, e, t) : untimed(p, s, before);
    if (!parsed && e < 0 && Timestamps.syslog(s, 0, time) > 0) {
      parsed = syslog(p, s, time[0]);
    }
    if (!parsed && e > 0) {
      p.time = t;
    }
    if (parsed) {
      previous = p.layout;
      if (p.layout.agent() && p.component != null) {
        agent = p.component;
      }
    }
  }

  private boolean afterTimestamp(ParsedLine p, String s, int e, long t) {
    int n = s.length();
    if (e >= n) {
      return false;
    }
    char c = s.charAt(e);
    if (c == '|') {
      return vmware(p, s, e, t);
    }
    if (c != ' ' || e + 1 >= n) {
      return false;
    }
    int i = e + 1;
    if (s.startsWith("cpu", i)) {
      return vmkernel(p, s, i, t, Layout.VMKERNEL_ISO);
    }
    int tag = levelTag(s, i);
    if (tag > 0) {
      int next = tag + 1;
      if (s.startsWith("vmkernel: ", next)) {
        return vmkernel(p, s, next + 10, t, Layout.VMKERNEL_8X);
      }
      int bracket = daemon(s, next);
      if (bracket > 0 && bracket + 1 < n && s.charAt(bracket + 1) == ':') {
        return agent(p, s, next, bracket, bracket + 2, t, Layout.AGENT_8X);
      }
      int dash = s.indexOf(" - ", next);
      int space = s.indexOf(' ', next);
      if (dash > next && dash == space) {
        set(p, Layout.VMWARE_70U2, s.substring(dash + 3));
        p.time = t;
        p.thread = s.substring(next, dash);
        return true;
      }
      if (s.endsWith(" -") && space == n - 2) {
        set(p, Layout.VMWARE_70U2, "");
        p.time = t;
        p.thread = s.substring(next, space);
        return true;
      }
      return false;
    }
    int word = s.indexOf(' ', i);
    if (word > i && level(s, i, word)) {
      int bracket = daemon(s, word + 1);
      if (bracket > 0) {
        return agent(p, s, word + 1, bracket, bracket + 1, t, Layout.AGENT_6X);
      }
    }
    return false;
  }

  /** {@code | thread| [I120: ]message}. */
  private boolean vmware(ParsedLine p, String s, int bar, long t) {
    int start = bar + 1;
    if (start < s.length() && s.charAt(start) == ' ') {
      start++;
    }
    int end = s.indexOf('|', start);
    if (end < 0) {
      return false;
    }
    p.time = t;
    p.thread = s.substring(start, end).trim();
    vmwareMessage(p, s, end + 1, Layout.VMWARE_51, Layout.VMWARE_50);
    return true;
  }

  private static void vmwareMessage(ParsedLine p, String s, int from, Layout levelled, Layout bare) {
    int i = from < s.length() && s.charAt(from) == ' ' ? from + 1 : from;
    if (i + 5 <= s.length() && Character.isUpperCase(s.charAt(i)) && Character.isDigit(s.charAt(i + 1))
        && Character.isDigit(s.charAt(i + 2)) && Character.isDigit(s.charAt(i + 3)) && s.charAt(i + 4) == ':') {
      set(p, levelled, s.substring(Math.min(s.length(), i + 6)));
    } else {
      set(p, bare, s.substring(Math.min(s.length(), i)));
    }
  }

  /** {@code cpuN[:world][ opID=x])body}. */
  private static boolean vmkernel(ParsedLine p, String s, int at, long t, Layout layout) {
    if (!s.startsWith("cpu", at)) {
      return false;
    }
    int i = at + 3;
    int n = s.length();
    int d = i;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == d || i >= n) {
      return false;
    }
    if (s.charAt(i) == ':') {
      int w = ++i;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == w) {
        return false;
      }
    }
    if (s.startsWith(" opID=", i)) {
      int close = s.indexOf(')', i);
      if (close < 0) {
        return false;
      }
      p.opId = s.substring(i + 6, close);
      i = close;
    }
    if (i >= n || s.charAt(i) != ')') {
      return false;
    }
    set(p, layout, s.substring(i + 1));
    p.time = t;
    return true;
  }

  /** {@code [Originator@6876 sub=x opID=y user=z] message}, or the bare message. */
  private boolean agent(ParsedLine p, String s, int daemonAt, int bracket, int after, long t, Layout layout) {
    String daemon = s.substring(daemonAt, s.indexOf('[', daemonAt));
    p.component = daemon.equalsIgnoreCase("vpxa") ? Component.VPXA : Component.HOSTD;
    p.thread = s.substring(s.indexOf('[', daemonAt) + 1, bracket);
    p.time = t;
    int i = after < s.length() && s.charAt(after) == ' ' ? after + 1 : after;
    if (s.startsWith("[Originator@", i)) {
      int close = s.indexOf(']', i);
      if (close < 0) {
        return false;
      }
      fields(p, s, i, close);
      i = close + 1;
      if (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }
    Component c = p.component;
    set(p, layout, s.substring(Math.min(i, s.length())));
    p.component = c;
    return true;
  }

  /** {@code sub=...} and {@code opID=...} inside a bracket. */
  private static void fields(ParsedLine p, String s, int from, int close) {
    int sub = s.indexOf("sub=", from);
    if (sub >= 0 && sub < close) {
      int end = s.indexOf(' ', sub);
      p.sub = s.substring(sub + 4, end < 0 || end > close ? close : end);
    }
    int op = s.indexOf("opID=", from);
    if (op >= 0 && op < close) {
      int end = s.indexOf(' ', op);
      p.opId = s.substring(op + 5, end < 0 || end > close ? close : end);
    }
  }

  private boolean untimed(ParsedLine p, String s, Layout before) {
    if (s.startsWith("vmkernel: ")) {
      return uptime(p, s, 10, Timestamps.NONE);
    }
    if (s.charAt(0) == '[' && Timestamps.iso(s, 1, time) > 0) {
      return agent4(p, s, time[0]);
    }
    int bar = s.indexOf('|');
    if (bar > 0 && thread(s, bar)) {
      p.thread = s.substring(0, bar);
      vmwareMessage(p, s, bar + 1, Layout.VMWARE_UNTIMED, Layout.VMWARE_UNTIMED);
      return true;
    }
    if (before != null && before.vmkernel() && printable(s)) {
      set(p, Layout.VMKERNEL_CONTINUATION, s);
      return true;
    }
    return false;
  }

  /** {@code Mon DD HH:MM:SS [host ]vmkernel: uptime cpu...}. */
  private boolean syslog(ParsedLine p, String s, long t) {
    int v = s.indexOf("vmkernel: ", 15);
    if (v < 0 || v > 80) {
      return false;
    }
    return uptime(p, s, v + 10, t);
  }

  /** {@code D:HH:MM:SS.mmm cpuN:world)body}. */
  private static boolean uptime(ParsedLine p, String s, int at, long t) {
    int space = s.indexOf(' ', at);
    if (space < 0) {
      return false;
    }
    String up = s.substring(at, space);
    if (!up.matches("\\d+:\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?")) {
      return false;
    }
    return vmkernel(p, s, space + 1, t, Layout.VMKERNEL_UPTIME);
  }

  /** ESX 4.x agents: {@code [2011-08-31 12:23:44.123 F6B68B90 info 'App' opID=x] message}. */
  private boolean agent4(ParsedLine p, String s, long t) {
    int close = s.indexOf(']');
    if (close < 0) {
      return false;
    }
    String[] head = s.substring(1, close).split(" ");
    if (head.length < 4 || !level(head[3], 0, head[3].length())) {
      return false;
    }
    p.time = t;
    p.thread = head[2];
    int quote = s.indexOf('\'');
    if (quote > 0 && quote < close) {
      p.sub = s.substring(quote + 1, Math.max(quote + 1, s.indexOf('\'', quote + 1)));
    }
    fields(p, s, 0, close);
    set(p, Layout.AGENT_4X, s.substring(Math.min(s.length(), close + 2)));
    p.component = p.sub != null && p.sub.startsWith("vpx") ? Component.VPXA : agent;
    return true;
  }

  private static void set(ParsedLine p, Layout layout, String message) {
    p.layout = layout;
    p.component = layout.component();
    p.message = message;
  }

  /** {@code In(05)}, {@code Wa(180)}: where the tag ends (at the space after it), or -1. */
  private static int levelTag(String s, int i) {
    int n = s.length();
    if (i + 5 > n || !Character.isUpperCase(s.charAt(i)) || !Character.isLowerCase(s.charAt(i + 1))
        || s.charAt(i + 2) != '(') {
      return -1;
    }
    int j = i + 3;
    while (j < n && Character.isDigit(s.charAt(j))) {
      j++;
    }
    return j > i + 3 && j + 1 < n && s.charAt(j) == ')' && s.charAt(j + 1) == ' ' ? j + 1 : -1;
  }

  /** {@code name[tid]}: where its closing bracket is, or -1. */
  private static int daemon(String s, int at) {
    int open = s.indexOf('[', at);
    if (open <= at || open - at > 24) {
      return -1;
    }
    for (int i = at; i < open; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        return -1;
      }
    }
    int close = s.indexOf(']', open);
    return close > open + 1 && close - open < 24 ? close : -1;
  }

  private static boolean level(String s, int from, int to) {
    return switch (s.substring(from, to)) {
      case "info", "verbose", "warning", "error", "trivia", "panic", "critical" -> true;
      default -> false;
    };
  }

  /** A VMX thread name before {@code |}: {@code vmx}, {@code vcpu-0}, {@code Worker#0}, {@code mks}. */
  private static boolean thread(String s, int bar) {
    if (bar > 32 || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < bar; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '#' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Text, not binary junk: no control characters and no undecodable bytes. */
  static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }
}
