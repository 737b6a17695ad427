package org.talkingpiece;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the server, read from environment variables in one place. Nothing else reads the
 * environment. {@link #fromEnv(Map)} validates every value and fails with a message naming each
 * variable that is wrong, so a bad value stops the server before it does anything.
 *
 * @param httpHost interface to listen on ({@code HTTP_HOST}, default {@code 0.0.0.0})
 * @param httpPort port to listen on ({@code HTTP_PORT}, default 8080; 0 picks a free port)
 * @param publicUrl the address people type or scan ({@code PUBLIC_URL}, default {@code http://localhost:PORT})
 * @param mongoUri a real MongoDB ({@code MONGO_URI}); {@code null} runs the embedded database
 * @param mongoDatabase the database name ({@code MONGO_DATABASE}, default {@code talkingpiece})
 * @param dataDir where the embedded database keeps its file ({@code DATA_DIR}, default {@code ./data})
 * @param adminPassword the first admin's password ({@code ADMIN_PASSWORD}); {@code null} prints a one-time one
 * @param contentDir module YAML files imported on start ({@code CONTENT_DIR}, default {@code content/modules})
 * @param dev reload templates on every request ({@code TP_DEV}, default false)
 * @param passwordCost bcrypt cost ({@code PASSWORD_COST}, 10–15, default 12)
 * @param tokenTtl lifetime of sign-in and API tokens ({@code TOKEN_TTL_HOURS}, default 12)
 * @param retention how long a session is kept after it was created, with everything in it ({@code RETENTION_DAYS}, default 30)
 * @param clustered join a Hazelcast cluster ({@code CLUSTERED}, default false)
 * @param bridgeMaxFrameBytes largest frame a browser may send over the bridge ({@code BRIDGE_MAX_FRAME_BYTES}, default 16384)
 * @param bridgeMaxFramesPerSecond frames per second per socket before it is refused ({@code BRIDGE_MAX_FRAMES_PER_SECOND}, default 20)
 * @param joinsPerMinute joins a minute from one network address ({@code JOINS_PER_MINUTE}, default 1200: a whole
 *     conference hall behind one venue address must be able to join at once)
 * @param anonymityKey the secret that keys the anonymous-input rolls ({@code ANONYMITY_KEY}, base64url, at least
 *     32 bytes); {@code null} keeps a generated one in {@code KEY_DIR/anonymity.key} (one node only)
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the real client
 *     ({@code TRUSTED_PROXIES}, comma-separated IP addresses, default none): per-address limits need the
 *     client's address, not the proxy's
 * @param keyDir where the server keeps its secrets, apart from the data ({@code KEY_DIR}, default {@code DATA_DIR}
 *     with {@code -keys} appended, e.g. {@code ./data-keys}); never inside {@code DATA_DIR}, so a copy of the
 *     data directory holds no key
 */
public record Config(
    String httpHost,
    int httpPort,
    String publicUrl,
    String mongoUri,
    String mongoDatabase,
    Path dataDir,
    String adminPassword,
    Path contentDir,
    boolean dev,
    int passwordCost,
    Duration tokenTtl,
    Duration retention,
    boolean clustered,
    int bridgeMaxFrameBytes,
    int bridgeMaxFramesPerSecond,
    int joinsPerMinute,
    String anonymityKey,
    List<String> trustedProxies,
    Path keyDir) {

  public Config {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** Reads and validates every setting; throws {@link IllegalArgumentException} naming each bad variable. */
  public static Config fromEnv(Map<String, String> env) {
    Reader r = new Reader(env);
    String host = r.string("HTTP_HOST", "0.0.0.0");
    int port = r.integer("HTTP_PORT", 8080, 0, 65535);
    String publicUrl = r.url("PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port));
    String mongoUri = r.optional("MONGO_URI");
    if (mongoUri != null && !(mongoUri.startsWith("mongodb://") || mongoUri.startsWith("mongodb+srv://"))) {
      r.errors.add("MONGO_URI must start with mongodb:// or mongodb+srv://");
    }
    String dbName = r.string("MONGO_DATABASE", "talkingpiece");
    if (!dbName.matches("[A-Za-z0-9_-]{1,63}")) {
      r.errors.add("MONGO_DATABASE must be 1-63 letters, digits, '_' or '-'");
    }
    Path dataDir = Path.of(r.string("DATA_DIR", "data"));
    String adminPassword = r.optional("ADMIN_PASSWORD");
    if (adminPassword != null && adminPassword.length() < 10) {
      r.errors.add("ADMIN_PASSWORD must be at least 10 characters");
    }
    Path contentDir = Path.of(r.string("CONTENT_DIR", "content/modules"));
    boolean dev = r.bool("TP_DEV", false);
    int cost = r.integer("PASSWORD_COST", 12, 4, 15);
    Duration ttl = Duration.ofHours(r.integer("TOKEN_TTL_HOURS", 12, 1, 24 * 30));
    Duration retention = Duration.ofDays(r.integer("RETENTION_DAYS", 30, 1, 3650));
    boolean clustered = r.bool("CLUSTERED", false);
    int frameBytes = r.integer("BRIDGE_MAX_FRAME_BYTES", 16 * 1024, 1024, 1024 * 1024);
    int framesPerSecond = r.integer("BRIDGE_MAX_FRAMES_PER_SECOND", 20, 1, 1000);
    int joinsPerMinute = r.integer("JOINS_PER_MINUTE", 1200, 1, 1_000_000);
    String anonymityKey = r.optional("ANONYMITY_KEY");
    if (anonymityKey != null) {
      try {
        if (java.util.Base64.getUrlDecoder().decode(anonymityKey).length < 32) {
          r.errors.add("ANONYMITY_KEY must hold at least 32 bytes (43 base64url characters)");
        }
      } catch (IllegalArgumentException e) {
        r.errors.add("ANONYMITY_KEY must be base64url text");
      }
    }
    List<String> trustedProxies = new ArrayList<>();
    String proxies = r.optional("TRUSTED_PROXIES");
    if (proxies != null) {
      for (String p : proxies.split(",")) {
        String address = p.trim();
        if (!address.matches("[0-9a-fA-F.:]{2,45}")) {
          r.errors.add("TRUSTED_PROXIES must be IP addresses separated by commas, got '" + address + "'");
        } else {
          trustedProxies.add(address);
        }
      }
    }
    String dataDirText = r.string("DATA_DIR", "data");
    Path keyDir = Path.of(r.string("KEY_DIR", stripSlash(dataDirText) + "-keys"));
    if (keyDir.toAbsolutePath().normalize().startsWith(dataDir.toAbsolutePath().normalize())) {
      r.errors.add("KEY_DIR must be outside DATA_DIR, so that a copy of the data directory holds no key");
    }
    if (clustered && anonymityKey == null) {
      r.errors.add("ANONYMITY_KEY is required when CLUSTERED=true, so every node keys anonymous rolls alike");
    }
    if (!r.errors.isEmpty()) {
      throw new IllegalArgumentException("Invalid configuration: " + String.join("; ", r.errors));
    }
    return new Config(host, port, stripSlash(publicUrl), mongoUri, dbName, dataDir, adminPassword, contentDir,
        dev, cost, ttl, retention, clustered, frameBytes, framesPerSecond, joinsPerMinute, anonymityKey, trustedProxies,
        keyDir);
  }

  /** True when the server runs its own embedded database instead of a real MongoDB. */
  public boolean embeddedDatabase() {
    return mongoUri == null;
  }

  /** The same settings listening on another port, for tests. */
  public Config withHttpPort(int port) {
    return new Config(httpHost, port, publicUrl, mongoUri, mongoDatabase, dataDir, adminPassword, contentDir, dev,
        passwordCost, tokenTtl, retention, clustered, bridgeMaxFrameBytes, bridgeMaxFramesPerSecond, joinsPerMinute,
        anonymityKey, trustedProxies, keyDir);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Collects every problem instead of stopping at the first, so one start shows them all. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> errors = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String optional(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? null : v.trim();
    }

    String string(String name, String fallback) {
      String v = optional(name);
      return v == null ? fallback : v;
    }

    int integer(String name, int fallback, int min, int max) {
      String v = optional(name);
      if (v == null) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          errors.add(name + " must be between " + min + " and " + max + ", got " + n);
          return fallback;
        }
        return n;
      } catch (NumberFormatException e) {
        errors.add(name + " must be a whole number, got '" + v + "'");
        return fallback;
      }
    }

    boolean bool(String name, boolean fallback) {
      String v = optional(name);
      if (v == null) {
        return fallback;
      }
      return switch (v.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1", "yes", "on" -> true;
        case "false", "0", "no", "off" -> false;
        default -> {
          errors.add(name + " must be true or false, got '" + v + "'");
          yield fallback;
        }
      };
    }

    String url(String name, String fallback) {
      String v = optional(name);
      if (v == null) {
        return fallback;
      }
      try {
        URI uri = URI.create(v);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
          errors.add(name + " must be an http:// or https:// address, got '" + v + "'");
          return fallback;
        }
        return v;
      } catch (IllegalArgumentException e) {
        errors.add(name + " must be an http:// or https:// address, got '" + v + "'");
        return fallback;
      }
    }
  }
}
