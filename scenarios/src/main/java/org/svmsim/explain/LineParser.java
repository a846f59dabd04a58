package org.svmsim.explain;

/**
 * Reads the layout of a line by its structure, by hand, since it runs on every line: the timestamp's
 * shape, then what follows it ({@code cpuN:world)}, {@code | thread| }, a level tag, a daemon, a bracket).
 * One parser per file: a line without a prefix after a vmkernel or agent line is that message's
 * continuation. A byte-order mark and leading blanks are skipped; a syslog header in front of any layout
 * is read by {@link SyslogHeader}.
 */
final class LineParser {
  private final long[] time = new long[1];
  private final Timestamps.Cache cache = new Timestamps.Cache();
  private final SyslogHeader syslog = new SyslogHeader(this);
  private Layout previous;
  private Component agent = Component.HOSTD;

  void parse(ParsedLine p) {
    String s = strip(p.text);
    Layout before = previous;
    previous = null;
    if (s.isEmpty()) {
      p.layout = Layout.BLANK;
      return;
    }
    if (s.charAt(0) == '#') {
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
    boolean parsed = e > 0 ? afterTimestamp(p, s, e, t) : untimed(p, s);
    if (!parsed) {
      parsed = syslog.parse(p, s);
    }
    if (!parsed && e < 0) {
      parsed = continuation(p, s, before);
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

  /** The line without a byte-order mark and leading blanks. */
  private static String strip(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\uFEFF')) {
      i++;
    }
    return i == 0 ? s : s.substring(i);
  }

  boolean afterTimestamp(ParsedLine p, String s, int e, long t) {
    int n = s.length();
    if (e >= n) {
      return false;
    }
    char c = s.charAt(e);
    if (c == '|') {
      return vmware(p, s, e, t);
    }
    if (c == ':' && s.startsWith(" [", e + 1)) {
      return vobd(p, s, e + 2, t);
    }
    if (c != ' ' || e + 1 >= n) {
      return false;
    }
    return body(p, s, e + 1, t);
  }

  /** What follows a timestamp and its space, or a syslog header: each layout's own prefix. */
  boolean body(ParsedLine p, String s, int i, long t) {
    int n = s.length();
    if (s.startsWith("cpu", i)) {
      return vmkernel(p, s, i, t, Layout.VMKERNEL_ISO);
    }
    if (s.charAt(i) == '[') {
      return bracketed(p, s, i, t, Layout.AGENT_5X);
    }
    int tag = levelTag(s, i);
    if (tag > 0) {
      return tagged(p, s, tag + 1, t);
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

  /** After an ESXi 8 / 7.0U2 level tag: vmkernel, an agent, another daemon, or a VMX thread. */
  private boolean tagged(ParsedLine p, String s, int next, long t) {
    int n = s.length();
    int space = s.indexOf(' ', next);
    if (s.startsWith("vmk", next) && space > next && s.charAt(space - 1) == ':') {
      return vmkernel(p, s, space + 1, t, Layout.VMKERNEL_8X);
    }
    int bracket = daemon(s, next);
    if (bracket > 0 && bracket + 1 < n && s.charAt(bracket + 1) == ':') {
      String name = s.substring(next, s.indexOf('[', next));
      if (name.equalsIgnoreCase("hostd") || name.equalsIgnoreCase("vpxa")) {
        return agent(p, s, next, bracket, bracket + 2, t, Layout.AGENT_8X);
      }
      set(p, Layout.DAEMON_8X, s.substring(Math.min(n, bracket + 3)));
      p.time = t;
      p.module = name;
      return true;
    }
    int dash = s.indexOf(" - ", next);
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

  /** vobd.log: {@code <ts>: [netCorrelator] 1234us: [vob.net.vmnic.linkstate.down] message}. */
  private static boolean vobd(ParsedLine p, String s, int open, long t) {
    int close = s.indexOf(']', open);
    if (close < 0) {
      return false;
    }
    set(p, Layout.VOBD, s.substring(Math.min(s.length(), close + 2)));
    p.time = t;
    p.module = s.substring(open + 1, close);
    return true;
  }

  /** {@code | thread| [I120: ]message}. */
  private boolean vmware(ParsedLine p, String s, int bar, long t) {
    int start = bar + 1;
    while (start < s.length() && s.charAt(start) == ' ') {
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

  /** {@code thread| [I120: ]message} without a timestamp, as KB copies and syslog print it. */
  boolean vmwareThread(ParsedLine p, String s, long t, Layout levelled, Layout bare) {
    int bar = s.indexOf('|');
    if (bar <= 0 || !thread(s, bar)) {
      return false;
    }
    p.thread = s.substring(0, bar);
    p.time = t;
    vmwareMessage(p, s, bar + 1, levelled, bare);
    return true;
  }

  /** The message after the thread: a level code ({@code I120:}, {@code W115:}, {@code A100+:}) or none. */
  private static void vmwareMessage(ParsedLine p, String s, int from, Layout levelled, Layout bare) {
    int n = s.length();
    int i = from < n && s.charAt(from) == ' ' ? from + 1 : from;
    int j = i + 1;
    if (i < n && Character.isUpperCase(s.charAt(i))) {
      while (j < n && j - i <= 4 && Character.isDigit(s.charAt(j))) {
        j++;
      }
      if (j < n && s.charAt(j) == '+') {
        j++;
      }
    }
    if (j > i + 1 && j < n && s.charAt(j) == ':' && Character.isDigit(s.charAt(i + 1))) {
      set(p, levelled, s.substring(Math.min(n, j + 2)));
    } else {
      set(p, bare, s.substring(Math.min(n, i)));
    }
  }

  /** {@code cpuN[:world][ opID=x])body}. */
  static boolean vmkernel(ParsedLine p, String s, int at, long t, Layout layout) {
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

  /** {@code name[tid] [Originator@6876 sub=x opID=y user=z] message}, or the bare message. */
  private boolean agent(ParsedLine p, String s, int daemonAt, int bracket, int after, long t, Layout layout) {
    int open = s.indexOf('[', daemonAt);
    p.thread = s.substring(open + 1, bracket);
    return originator(p, s, after, t, layout, component(s.substring(daemonAt, open)));
  }

  /** {@code [Originator@6876 sub=x opID=y] message} from {@code at}, or the message without it. */
  boolean originator(ParsedLine p, String s, int at, long t, Layout layout, Component c) {
    p.time = t;
    int i = at < s.length() && s.charAt(at) == ' ' ? at + 1 : at;
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
    set(p, layout, s.substring(Math.min(i, s.length())));
    p.component = c;
    return true;
  }

  static Component component(String daemon) {
    return daemon.regionMatches(true, 0, "vpxa", 0, 4) ? Component.VPXA : Component.HOSTD;
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

  /** A line without a prefix after a vmkernel or agent line: that message's next line. */
  private boolean continuation(ParsedLine p, String s, Layout before) {
    if (before != null && (before.vmkernel() || before.agent()) && printable(s)) {
      set(p, before.vmkernel() ? Layout.VMKERNEL_CONTINUATION : Layout.AGENT_CONTINUATION, s);
      p.component = before.vmkernel() ? Component.VMKERNEL : agent;
      return true;
    }
    return false;
  }

  private boolean untimed(ParsedLine p, String s) {
    if (s.startsWith("vmkernel: ")) {
      return uptime(p, s, 10, Timestamps.NONE);
    }
    if (s.charAt(0) == '[' && Timestamps.iso(s, 1, time) > 0) {
      return bracketed(p, s, 0, time[0], Layout.AGENT_4X);
    }
    if (s.startsWith("cpu") && vmkernel(p, s, 0, Timestamps.NONE, Layout.VMKERNEL_UNTIMED)) {
      return true;
    }
    if (Character.isDigit(s.charAt(0)) && uptime(p, s, 0, Timestamps.NONE)) {
      return true;
    }
    return vmwareThread(p, s, Timestamps.NONE, Layout.VMWARE_UNTIMED, Layout.VMWARE_UNTIMED);
  }

  /** {@code D:HH:MM:SS.mmm cpuN:world)body}. */
  static boolean uptime(ParsedLine p, String s, int at, long t) {
    int space = s.indexOf(' ', at);
    if (space < 0 || !isUptime(s, at, space)) {
      return false;
    }
    return vmkernel(p, s, space + 1, t, Layout.VMKERNEL_UPTIME);
  }

  /** {@code \d+:\d\d:\d\d:\d\d(\.\d+)?} between {@code from} and {@code to}. */
  private static boolean isUptime(String s, int from, int to) {
    int i = from;
    while (i < to && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == from) {
      return false;
    }
    for (int k = 0; k < 3; k++) {
      if (i + 3 > to || s.charAt(i) != ':' || !Character.isDigit(s.charAt(i + 1))
          || !Character.isDigit(s.charAt(i + 2))) {
        return false;
      }
      i += 3;
    }
    if (i < to && s.charAt(i) == '.') {
      i++;
      while (i < to && Character.isDigit(s.charAt(i))) {
        i++;
      }
    }
    return i == to;
  }

  /**
   * ESX 4.x and ESXi 5.x agents: {@code [2011-08-31 12:23:44.123 F6B68B90 info 'App' opID=x] message}
   * (4.x: the time inside the bracket) or {@code <ts> [FFE80B70 info 'Vimsvc' opID=x] message} (5.x).
   */
  private boolean bracketed(ParsedLine p, String s, int at, long t, Layout layout) {
    int close = s.indexOf(']', at);
    if (close < 0) {
      return false;
    }
    String[] head = s.substring(at + 1, close).split(" ");
    int lvl = -1;
    for (int i = 0; i < Math.min(4, head.length); i++) {
      if (level(head[i], 0, head[i].length())) {
        lvl = i;
        break;
      }
    }
    if (lvl < 1) {
      return false;
    }
    p.time = t;
    p.thread = head[lvl - 1];
    int quote = s.indexOf('\'', at);
    if (quote > 0 && quote < close) {
      p.sub = s.substring(quote + 1, Math.max(quote + 1, s.indexOf('\'', quote + 1)));
    }
    fields(p, s, at, close);
    set(p, layout, s.substring(Math.min(s.length(), close + 2)));
    p.component = p.sub != null && p.sub.startsWith("vpx") ? Component.VPXA : agent;
    return true;
  }

  static void set(ParsedLine p, Layout layout, String message) {
    p.layout = layout;
    p.component = layout.component();
    p.message = message;
  }

  /** {@code In(05)}, {@code Wa(180)}, {@code In(05)+}: where the tag ends (at the space after it), or -1. */
  static int levelTag(String s, int i) {
    int n = s.length();
    if (i + 5 > n || !Character.isUpperCase(s.charAt(i)) || !Character.isLowerCase(s.charAt(i + 1))
        || s.charAt(i + 2) != '(') {
      return -1;
    }
    int j = i + 3;
    while (j < n && Character.isDigit(s.charAt(j))) {
      j++;
    }
    if (j == i + 3 || j + 1 >= n || s.charAt(j) != ')') {
      return -1;
    }
    j++;
    if (s.charAt(j) == '+') {
      j++;
    }
    return j < n && s.charAt(j) == ' ' ? j : -1;
  }

  /** {@code name[tid]}: where its closing bracket is, or -1. */
  static int daemon(String s, int at) {
    int open = s.indexOf('[', at);
    if (open <= at || open - at > 32) {
      return -1;
    }
    for (int i = at; i < open; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
        return -1;
      }
    }
    int close = s.indexOf(']', open);
    return close > open + 1 && close - open < 24 ? close : -1;
  }

  private static boolean level(String s, int from, int to) {
    return switch (s.substring(from, to)) {
      case "info", "verbose", "warning", "error", "trivia", "panic", "critical", "debug", "notice", "alert" -> true;
      default -> false;
    };
  }

  /** A VMX thread name before {@code |}: {@code vmx}, {@code vcpu-0}, {@code Worker#0}, {@code mks}. */
  private static boolean thread(String s, int bar) {
    if (bar > 40 || !Character.isLetter(s.charAt(0))) {
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
