package org.talkingpiece.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.Config;

/**
 * Run in a child JVM by {@link DatabaseTest}: writes numbered documents and prints "ACK n" only
 * after {@link Database#durable()} completes for document n, then keeps writing until killed.
 */
public final class DurabilityChild {
  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, Config.fromEnv(Map.of("DATA_DIR", args[0]))).await(30, TimeUnit.SECONDS);
    System.out.println("READY");
    System.out.flush();
    for (int i = 0; ; i++) {
      db.mongo().insert("acks", new JsonObject().put("_id", "doc-" + i).put("n", i)).await(10, TimeUnit.SECONDS);
      db.durable().await(10, TimeUnit.SECONDS);
      System.out.println("ACK " + i);
      System.out.flush();
    }
  }
}
