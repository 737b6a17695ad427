package org.talkingpiece.support;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.Config;
import org.talkingpiece.Server;

/**
 * A whole server for a test: embedded database in a fresh temporary directory, a free port, a known
 * admin password and a cheap password hash. Start one per test class and stop it after.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";

  private final Server server;
  private final Path dataDir;

  private TestServer(Server server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  public static TestServer start() {
    return start(Map.of());
  }

  /** Starts with extra environment variables on top of the test defaults. */
  public static TestServer start(Map<String, String> extraEnv) {
    try {
      Path dir = Files.createTempDirectory("tp-test-");
      return start(dir, extraEnv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts on an existing data directory, e.g. to test what survives a restart. */
  public static TestServer start(Path dataDir, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(defaultEnv(dataDir));
    env.putAll(extraEnv);
    try {
      Server server = Server.start(Config.fromEnv(env)).await(60, TimeUnit.SECONDS);
      return new TestServer(server, dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("Test server did not start", e);
    }
  }

  public static Map<String, String> defaultEnv(Path dataDir) {
    return Map.of(
        "HTTP_PORT", "0",
        "HTTP_HOST", "127.0.0.1",
        "DATA_DIR", dataDir.toString(),
        "ADMIN_PASSWORD", ADMIN_PASSWORD,
        "PASSWORD_COST", "4");
  }

  public int port() {
    return server.port();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public Server server() {
    return server;
  }

  public Vertx vertx() {
    return server.vertx();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A web client bound to this server, not following redirects so tests can see them. */
  public WebClient client(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(port()).setFollowRedirects(false));
  }

  @Override
  public void close() {
    try {
      server.stop(java.time.Duration.ofSeconds(30));
    } catch (Exception e) {
      throw new IllegalStateException("Test server did not stop", e);
    }
  }
}
