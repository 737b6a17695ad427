package org.talkingpiece.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.Config;

/** Another process on the machine knocks on the embedded database's port: it can neither read nor write. */
class EmbeddedAccessTest {
  Vertx vertx;
  Database db;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("tp-gate-");
    db = Database.open(vertx, Config.fromEnv(Map.of("DATA_DIR", dir.toString()))).await(30, TimeUnit.SECONDS);
    db.mongo().insert("tokens", new JsonObject().put("_id", "real").put("role", "participant")).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private MongoClient stranger(String query) {
    InetSocketAddress at = db.embeddedAddress();
    return MongoClient.create(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + at.getPort() + "/" + query)
        .put("db_name", "talkingpiece").put("serverSelectionTimeoutMS", 1500));
  }

  @Test
  @DisplayName("A MongoDB client without the server's in-memory password can neither read nor write")
  void driverWithoutPasswordIsRefused() throws Exception {
    for (String query : new String[] {"", "?appName=guess"}) {
      MongoClient other = stranger(query);
      assertThatThrownBy(() -> other.find("tokens", new JsonObject()).await(10, TimeUnit.SECONDS))
          .as("reading with %s", query.isEmpty() ? "no name" : "a guessed name").isNotNull();
      assertThatThrownBy(() -> other.insert("tokens", new JsonObject().put("_id", "forged").put("role", "admin"))
          .await(10, TimeUnit.SECONDS)).isNotNull();
      other.close().await(10, TimeUnit.SECONDS);
    }
    assertThat(db.mongo().count("tokens", new JsonObject()).await(10, TimeUnit.SECONDS))
        .as("only the server's own document is there").isEqualTo(1L);
  }

  @Test
  @DisplayName("A raw insert on the wire, without the handshake, is refused and the connection closed")
  void rawWireInsertIsRefused() throws Exception {
    BsonDocument insert = new BsonDocument("insert", new BsonString("tokens"))
        .append("documents", new org.bson.BsonArray(java.util.List.of(
            new BsonDocument("_id", new BsonString("forged")).append("role", new BsonString("admin")))))
        .append("$db", new BsonString("talkingpiece"));
    try (Socket socket = new Socket("127.0.0.1", db.embeddedAddress().getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(opMsg(insert));
      out.flush();
      InputStream in = socket.getInputStream();
      BsonDocument reply = readReply(new DataInputStream(in));
      assertThat(reply.getNumber("ok").intValue()).isZero();
      assertThat(reply.getInt32("code", new BsonInt32(0)).getValue()).isEqualTo(13);
      assertThat(in.read()).as("the connection is closed after the refusal").isEqualTo(-1);
    }
    assertThat(db.mongo().findOne("tokens", new JsonObject().put("_id", "forged"), null).await(10, TimeUnit.SECONDS))
        .isNull();
    assertThat(db.mongo().count("tokens", new JsonObject()).await(10, TimeUnit.SECONDS)).isEqualTo(1L);
  }

  private static byte[] opMsg(BsonDocument body) {
    ByteBuffer bson = new RawBsonDocument(body, new BsonDocumentCodec()).getByteBuffer().asNIO();
    int length = 16 + 4 + 1 + bson.remaining();
    ByteBuffer msg = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    msg.putInt(length).putInt(1).putInt(0).putInt(2013).putInt(0).put((byte) 0).put(bson);
    return msg.array();
  }

  private static BsonDocument readReply(DataInputStream in) throws Exception {
    byte[] header = new byte[16];
    in.readFully(header);
    int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
    byte[] rest = new byte[length - 16];
    in.readFully(rest);
    // flags (4 bytes), section kind (1 byte), then the body document
    return new RawBsonDocument(rest, 5, rest.length - 5).decode(new BsonDocumentCodec());
  }
}
