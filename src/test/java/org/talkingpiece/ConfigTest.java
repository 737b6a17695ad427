package org.talkingpiece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  @DisplayName("With no variables set, the server uses the documented defaults and the embedded database")
  void defaults() {
    Config c = Config.fromEnv(Map.of());
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.publicUrl()).isEqualTo("http://localhost:8080");
    assertThat(c.embeddedDatabase()).isTrue();
    assertThat(c.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(c.dataDir().toString()).isEqualTo("data");
    assertThat(c.joinsPerMinute()).isEqualTo(1200);
  }

  @Test
  @DisplayName("Keys live outside the data directory: beside it by default, and never inside it")
  void keyDir() {
    assertThat(Config.fromEnv(Map.of()).keyDir().toString()).isEqualTo("data-keys");
    assertThat(Config.fromEnv(Map.of("DATA_DIR", "/srv/tp/")).keyDir().toString()).isEqualTo("/srv/tp-keys");
    assertThat(Config.fromEnv(Map.of("KEY_DIR", "/etc/tp")).keyDir().toString()).isEqualTo("/etc/tp");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("DATA_DIR", "/srv/tp", "KEY_DIR", "/srv/tp/keys")))
        .hasMessageContaining("KEY_DIR must be outside DATA_DIR");
  }

  @Test
  @DisplayName("JOINS_PER_MINUTE is a positive whole number")
  void joinsPerMinute() {
    assertThat(Config.fromEnv(Map.of("JOINS_PER_MINUTE", "5000")).joinsPerMinute()).isEqualTo(5000);
    assertThatThrownBy(() -> Config.fromEnv(Map.of("JOINS_PER_MINUTE", "0")))
        .hasMessageContaining("JOINS_PER_MINUTE must be between 1 and 1000000, got 0");
  }

  @Test
  @DisplayName("A bad HTTP_PORT stops the server with a message naming the variable and the value")
  void badPort() {
    assertThatThrownBy(() -> Config.fromEnv(Map.of("HTTP_PORT", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTP_PORT must be a whole number, got 'eighty'");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("HTTP_PORT", "70000")))
        .hasMessageContaining("HTTP_PORT must be between 0 and 65535, got 70000");
  }

  @Test
  @DisplayName("Every bad variable is named at once, not one per start")
  void allErrorsAtOnce() {
    assertThatThrownBy(() -> Config.fromEnv(Map.of(
            "MONGO_URI", "postgres://x", "PUBLIC_URL", "not a url", "TP_DEV", "maybe", "ADMIN_PASSWORD", "short")))
        .hasMessageContaining("MONGO_URI must start with mongodb://")
        .hasMessageContaining("PUBLIC_URL must be an http:// or https:// address")
        .hasMessageContaining("TP_DEV must be true or false, got 'maybe'")
        .hasMessageContaining("ADMIN_PASSWORD must be at least 10 characters");
  }

  @Test
  @DisplayName("PUBLIC_URL loses a trailing slash so join links are built cleanly")
  void publicUrl() {
    assertThat(Config.fromEnv(Map.of("PUBLIC_URL", "https://workshops.example.org/")).publicUrl())
        .isEqualTo("https://workshops.example.org");
  }

  @Test
  @DisplayName("MONGO_URI switches to a real MongoDB")
  void mongoUri() {
    Config c = Config.fromEnv(Map.of("MONGO_URI", "mongodb://db.internal:27017/?w=majority"));
    assertThat(c.embeddedDatabase()).isFalse();
  }
}
