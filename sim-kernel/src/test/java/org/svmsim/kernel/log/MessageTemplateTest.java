package org.svmsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
  private final MessageTemplate created = new MessageTemplate("Created device {}, primary {}, secondary {}");

  @Test
  void rendersAndMatchesTheSameArguments() {
    String message = created.render("a-b-svmmirror", "a", "b");
    assertEquals("Created device a-b-svmmirror, primary a, secondary b", message);
    assertEquals(List.of("a-b-svmmirror", "a", "b"), created.match(message).orElseThrow());
  }

  @Test
  void regexCharactersInTheTextAreLiteral() {
    MessageTemplate t = new MessageTemplate("Opened \"{}\" (flags 0xa, type vmfs).");
    assertEquals(List.of("x.vmdk"), t.match("Opened \"x.vmdk\" (flags 0xa, type vmfs).").orElseThrow());
    assertTrue(t.match("Opened \"x.vmdk\" (flags 0xa, type vmfs)!").isEmpty());
  }

  @Test
  void theWrongNumberOfArgumentsIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> created.render("only one"));
  }
}
