package org.svmsim.kernel.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the catalog entry of a message without trying every template: entries are filed under the first
 * word of their text ({@code Migrate}, {@code DISKLIB-LIB_MISC}, {@code [msg.checkpoint...]}), so a
 * message is tried against the few entries that share its first word, then against those whose text
 * starts with a placeholder. Messages are compared in {@link MessageTemplate#normalise normal form}.
 */
public final class MessageIndex<E extends CatalogEntry> {
  private static final String DELIMITERS = " :=(,";
  // Looked up only, never iterated into output: HashMap order cannot reach a log.
  private final Map<String, List<E>> byKey = new HashMap<>();
  private final List<E> open = new ArrayList<>();

  public MessageIndex(Iterable<E> entries) {
    for (E e : entries) {
      String key = templateKey(e.template());
      if (key == null) {
        open.add(e);
      } else {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      }
    }
  }

  /** The entry whose template matches {@code message} (already normalised), or null. */
  public E find(String message) {
    List<E> candidates = byKey.get(key(message));
    if (candidates != null) {
      for (E e : candidates) {
        if (e.template().matchesNormal(message)) {
          return e;
        }
      }
    }
    for (E e : open) {
      if (e.template().matchesNormal(message)) {
        return e;
      }
    }
    return null;
  }

  /** The text up to the first delimiter; the whole message if it has none. */
  static String key(String message) {
    int n = message.length();
    for (int i = 0; i < n; i++) {
      if (DELIMITERS.indexOf(message.charAt(i)) >= 0) {
        return message.substring(0, i);
      }
    }
    return message;
  }

  /** The key every message of the template has, or null when a placeholder comes before a delimiter. */
  private static String templateKey(MessageTemplate t) {
    String first = t.normalParts()[0];
    for (int i = 0; i < first.length(); i++) {
      if (DELIMITERS.indexOf(first.charAt(i)) >= 0) {
        return i == 0 ? null : first.substring(0, i);
      }
    }
    return t.arity() == 0 ? first : null;
  }
}
