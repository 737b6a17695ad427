package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.support.Http;
import org.talkingpiece.support.TestServer;

@ExtendWith(VertxExtension.class)
class FirstAdminTest {
  private static final Pattern GENERATED = Pattern.compile("with password ([a-z2-9]{4}(?:-[a-z2-9]{4}){3})");
  /** Held so the logger (and the handler on it) is not garbage-collected during the test. */
  private final Logger logger = Logger.getLogger(FirstAdmin.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Vertx vertx;

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopListening() throws Exception {
    logger.removeHandler(capture);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private List<String> messages() {
    return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
  }

  @Test
  @DisplayName("With ADMIN_PASSWORD set, the first start creates admin with it and says so without the password")
  void fromAdminPassword() throws Exception {
    Path dir = Files.createTempDirectory("tp-first-admin-");
    try (TestServer server = TestServer.start(dir, Map.of())) {
      WebClient client = server.client(vertx);
      assertThat(Http.signIn(client, "admin", TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }
    assertThat(messages()).hasSize(1);
    assertThat(messages().get(0)).startsWith("INFO ").contains("from ADMIN_PASSWORD")
        .doesNotContain(TestServer.ADMIN_PASSWORD);

    records.clear();
    try (TestServer again = TestServer.start(dir, Map.of("ADMIN_PASSWORD", "another-password-now"))) {
      WebClient client = again.client(vertx);
      assertThat(Http.signIn(client, "admin", TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
      assertThat(Http.signIn(client, "admin", "another-password-now").statusCode()).isEqualTo(401);
    }
    assertThat(messages()).as("a restart with an admin does nothing").isEmpty();
  }

  @Test
  @DisplayName("Without ADMIN_PASSWORD, a one-time password is logged once at WARN with how to sign in, and works")
  void generatedPassword() throws Exception {
    Path dir = Files.createTempDirectory("tp-first-admin-");
    String password;
    try (TestServer server = TestServer.start(dir, Map.of("ADMIN_PASSWORD", ""))) {
      assertThat(records).hasSize(1);
      LogRecord record = records.get(0);
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getMessage()).contains("Sign in at http://localhost:8080/signin as admin with password")
          .contains("shown only once").contains("change it");
      Matcher m = GENERATED.matcher(record.getMessage());
      assertThat(m.find()).isTrue();
      password = m.group(1);
      WebClient client = server.client(vertx);
      assertThat(Http.signIn(client, "admin", password).statusCode()).isEqualTo(200);
    }

    records.clear();
    try (TestServer again = TestServer.start(dir, Map.of("ADMIN_PASSWORD", ""))) {
      assertThat(records).as("nothing logged on restart, least of all a password").isEmpty();
      WebClient client = again.client(vertx);
      assertThat(Http.signIn(client, "admin", password).statusCode()).isEqualTo(200);
      var all = Http.api(client, io.vertx.core.http.HttpMethod.GET, "/api/admin/accounts",
          Http.token(client, "admin", password), null).bodyAsJsonArray();
      assertThat(all).hasSize(1);
    }
  }
}
