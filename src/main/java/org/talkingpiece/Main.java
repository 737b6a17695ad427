package org.talkingpiece;

/** Starts one node from environment variables; a bad setting stops it with a message naming the variable. */
public final class Main {
  private Main() {}

  /**
   * One line per log record, and quiet third-party chatter, unless the operator passed their own
   * {@code -Djava.util.logging.config.file}.
   */
  private static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (java.io.InputStream in = Main.class.getResourceAsStream("/talkingpiece-logging.properties")) {
      if (in != null) {
        java.util.logging.LogManager.getLogManager().readConfiguration(in);
      }
    } catch (java.io.IOException e) {
      System.err.println("Could not read the logging settings: " + e.getMessage());
    }
  }

  /** When this process started, so the ready line includes the JVM's own start-up. */
  private static long processStart() {
    return ProcessHandle.current().info().startInstant()
        .map(java.time.Instant::toEpochMilli)
        .orElseGet(System::currentTimeMillis);
  }

  public static void main(String[] args) {
    configureLogging();
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Server.start(config, processStart())
        .onSuccess(server -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.stop(java.time.Duration.ofSeconds(10));
          } catch (Exception e) {
            // Shutting down anyway.
          }
        }, "tp-shutdown")))
        .onFailure(e -> {
          System.err.println("Talking Piece could not start: " + e.getMessage());
          e.printStackTrace();
          System.exit(1);
        });
  }
}
