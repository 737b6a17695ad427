package org.talkingpiece.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BridgeFramesTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a delivery's address, version and server time are read without parsing the view")
  void delivery() {
    byte[] frame = bytes("{\"type\":\"rec\",\"address\":\"tp.client.session.abcdefgh.public\",\"body\":"
        + "{\"type\":\"state\",\"version\":1234,\"serverTime\":1764000000123,\"view\":{\"version\":7}}}");
    assertThat(BridgeFrames.address(frame)).isEqualTo("tp.client.session.abcdefgh.public");
    assertThat(BridgeFrames.version(frame)).isEqualTo(1234);
    assertThat(BridgeFrames.serverTime(frame)).isEqualTo(1764000000123L);
    assertThat(BridgeFrames.isError(frame)).isFalse();
  }

  @Test
  @DisplayName("a frame without them gives null and -1; an error frame is recognised")
  void absent() {
    byte[] pong = bytes("{\"type\":\"pong\"}");
    assertThat(BridgeFrames.address(pong)).isNull();
    assertThat(BridgeFrames.version(pong)).isEqualTo(-1);
    assertThat(BridgeFrames.serverTime(bytes("{\"serverTime\":\"x\"}"))).isEqualTo(-1);
    assertThat(BridgeFrames.isError(bytes("{\"type\":\"err\",\"body\":\"access_denied\"}"))).isTrue();
  }
}
