package org.svmsim.kernel.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message of a log's catalog, with {@code {}} placeholders: the same template renders a line and
 * recognises one. Recognition is tolerant of what differs between builds and copies of a log: runs of
 * spaces count as one and leading or trailing spaces are ignored ({@link #normalise}), so the real
 * {@code DISKLIB-LIB_MISC   :} and a web page's {@code DISKLIB-LIB_MISC :} are the same family.
 * Matching is by literal segments, not regular expressions: a placeholder takes the shortest text that
 * lets the rest match, as {@code (.*?)} would.
 */
public final class MessageTemplate {
  private final String template;
  private final String[] parts;
  private final String[] normal;

  public MessageTemplate(String template) {
    this.template = template;
    this.parts = template.split("\\{}", -1);
    String[] n = normalise(template).split("\\{}", -1);
    if (n.length != parts.length) {
      throw new IllegalArgumentException("template '" + template + "' loses a placeholder when normalised");
    }
    this.normal = n;
  }

  public int arity() {
    return parts.length - 1;
  }

  public String template() {
    return template;
  }

  /** The literal texts around the placeholders, in normal form. */
  String[] normalParts() {
    return normal;
  }

  public String render(Object... args) {
    if (args.length != arity()) {
      throw new IllegalArgumentException("'" + template + "' takes " + arity() + " arguments, got "
          + args.length);
    }
    StringBuilder sb = new StringBuilder(template.length() + 32);
    for (int i = 0; i < args.length; i++) {
      sb.append(parts[i]).append(args[i]);
    }
    return sb.append(parts[args.length]).toString();
  }

  /** The arguments of {@code message} if this template produced it (any spacing). */
  public Optional<List<String>> match(String message) {
    return Optional.ofNullable(args(normalise(message)));
  }

  /** True if {@code message}, already in normal form, is this template's. */
  public boolean matchesNormal(String message) {
    return ends(message) != null;
  }

  /** The arguments of {@code message}, already in normal form, or null if it is not this template's. */
  public List<String> args(String message) {
    int[] at = ends(message);
    if (at == null) {
      return null;
    }
    List<String> args = new ArrayList<>(arity());
    for (int i = 0; i < arity(); i++) {
      args.add(message.substring(at[2 * i], at[2 * i + 1]));
    }
    return args;
  }

  /** Start and end of each argument, or null when the message does not match. */
  private int[] ends(String m) {
    int last = normal.length - 1;
    if (last == 0) {
      return m.equals(normal[0]) ? new int[0] : null;
    }
    if (!m.startsWith(normal[0]) || !m.endsWith(normal[last])
        || m.length() < normal[0].length() + normal[last].length()) {
      return null;
    }
    int[] at = new int[2 * last];
    int pos = normal[0].length();
    for (int i = 1; i < last; i++) {
      int found = m.indexOf(normal[i], pos);
      if (found < 0) {
        return null;
      }
      at[2 * (i - 1)] = pos;
      at[2 * (i - 1) + 1] = found;
      pos = found + normal[i].length();
    }
    int tail = m.length() - normal[last].length();
    if (tail < pos) {
      return null;
    }
    at[2 * (last - 1)] = pos;
    at[2 * (last - 1) + 1] = tail;
    return at;
  }

  /** The message with each run of spaces or tabs as one space, and none at either end. */
  public static String normalise(String s) {
    int n = s.length();
    boolean clean = n == 0 || (s.charAt(0) != ' ' && s.charAt(n - 1) != ' ');
    for (int i = 0; clean && i < n; i++) {
      char c = s.charAt(i);
      if (c == '\t' || (c == ' ' && i + 1 < n && s.charAt(i + 1) == ' ')) {
        clean = false;
      }
    }
    if (clean) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n);
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return template;
  }
}
