package org.talkingpiece;

/** Starts one node from environment variables; a bad setting stops it with a message naming the variable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Server.start(config)
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
