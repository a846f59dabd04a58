package org.svmsim.cli;

import java.util.Comparator;
import java.util.List;

/** The known word nearest a mistyped one, by edit distance (ties: the first listed). */
final class Nearest {
  private Nearest() {}

  static String of(String word, List<String> known) {
    return known.stream().min(Comparator.comparingInt(k -> distance(word, k))).orElseThrow();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + same);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
