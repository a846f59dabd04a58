package org.svmsim.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The source checkout svmsim runs from, if it runs from one: the nearest directory above its jar with .git. */
final class Checkout {
  private Checkout() {}

  static Optional<Path> root() {
    try {
      var source = Checkout.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      for (Path p = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
        if (Files.exists(p.resolve(".git"))) {
          return Optional.of(p);
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no checkout to protect beyond the other rules
    }
    return Optional.empty();
  }
}
