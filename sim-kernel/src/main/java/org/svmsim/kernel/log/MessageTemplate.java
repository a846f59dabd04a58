package org.svmsim.kernel.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of a log's catalog, with {@code {}} placeholders: the same template renders a line and
 * recognises one (so a later {@code explain} can read real ESXi logs through the catalog that writes
 * svmsim's).
 */
public final class MessageTemplate {
  private final String template;
  private final String[] parts;
  private final Pattern pattern;

  public MessageTemplate(String template) {
    this.template = template;
    this.parts = template.split("\\{}", -1);
    StringBuilder re = new StringBuilder("^");
    for (int i = 0; i < parts.length; i++) {
      re.append(Pattern.quote(parts[i]));
      if (i < parts.length - 1) {
        re.append("(.*?)");
      }
    }
    this.pattern = Pattern.compile(re.append('$').toString());
  }

  public int arity() {
    return parts.length - 1;
  }

  public String template() {
    return template;
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

  /** The arguments of {@code message} if this template produced it. */
  public Optional<List<String>> match(String message) {
    Matcher m = pattern.matcher(message);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> args = new ArrayList<>(m.groupCount());
    for (int i = 1; i <= m.groupCount(); i++) {
      args.add(m.group(i));
    }
    return Optional.of(args);
  }

  @Override
  public String toString() {
    return template;
  }
}
