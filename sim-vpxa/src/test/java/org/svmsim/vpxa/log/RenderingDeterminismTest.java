package org.svmsim.vpxa.log;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.vpxa.AgentsHarness;

/** Same seed, same bytes; and the logs are a function of the recorded events alone (replay). */
class RenderingDeterminismTest {

  private static String both(AgentsHarness h) {
    return h.log(HostdLogRenderer.PATH) + "\u0000" + h.log(VpxaLogRenderer.PATH);
  }

  @Test
  void theSameSeedRendersTheSameBytes() {
    assertEquals(both(new AgentsHarness(41).relocate("mirror")),
        both(new AgentsHarness(41).relocate("mirror")));
  }

  @Test
  void anotherSeedDrawsOtherIds() {
    assertNotEquals(both(new AgentsHarness(41).relocate("mirror")),
        both(new AgentsHarness(42).relocate("mirror")));
  }

  @Test
  void replayingTheRecordedEventsRendersTheSameFiles() {
    AgentsHarness h = new AgentsHarness(43).relocate("mirror");
    List<LogRenderer> fresh = List.of(new HostdLogRenderer(), new VpxaLogRenderer());
    for (int i = 0; i < h.events.size(); i++) {
      for (LogRenderer r : fresh) {
        r.onEvent(h.times.get(i), h.events.get(i));
      }
    }
    for (int i = 0; i < fresh.size(); i++) {
      assertEquals(h.renderers.get(i).files(), fresh.get(i).files());
    }
  }
}
