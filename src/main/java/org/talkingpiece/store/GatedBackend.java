package org.talkingpiece.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The embedded database's backend, behind a password that only this process knows. The wire server
 * has no authentication of its own and must listen on a TCP port (loopback) for the MongoDB driver to
 * reach it, so any local process could otherwise read every collection and write any of them.
 *
 * <p>The password is random, made on every start and held in memory only. The driver presents it as
 * its application name, which it sends in the handshake ({@code hello} / {@code isMaster} with
 * {@code client.application.name}) that opens every connection. A connection whose first command is
 * not that handshake with the right name gets an "Unauthorized" error and is closed; nothing it sends
 * reaches the data. Thread-safe: the state is a per-connection attribute.
 */
final class GatedBackend implements MongoBackend {
  private static final AttributeKey<Boolean> ADMITTED = AttributeKey.valueOf("tp-admitted");
  private static final int UNAUTHORIZED = 13;

  private final MongoBackend inner;
  private final byte[] secret;

  GatedBackend(MongoBackend inner, String secret) {
    this.inner = inner;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Admits the connection if it is already admitted, or if this command is the driver's handshake
   * carrying the secret; otherwise closes it and throws.
   */
  private void admit(Channel channel, String command, Document body) {
    if (Boolean.TRUE.equals(channel.attr(ADMITTED).get())) {
      return;
    }
    boolean handshake = "hello".equalsIgnoreCase(command) || "ismaster".equalsIgnoreCase(command);
    if (handshake && MessageDigest.isEqual(secret, applicationName(body))) {
      channel.attr(ADMITTED).set(true);
      return;
    }
    // Closed once the refusal below has been written (the reply is written on this same thread).
    channel.eventLoop().execute(channel::close);
    throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "This database accepts only its own server.");
  }

  private static byte[] applicationName(Document body) {
    Object client = body == null ? null : body.get("client");
    Object app = client instanceof Document c ? c.get("application") : null;
    Object name = app instanceof Document a ? a.get("name") : null;
    return name instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : new byte[0];
  }

  private static String firstKey(Document body) {
    return body == null || body.isEmpty() ? "" : body.keySet().iterator().next();
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    admit(channel, command, query);
    return inner.handleCommand(channel, database, command, query);
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    admit(message.getChannel(), firstKey(message.getDocument()), message.getDocument());
    return inner.handleMessage(message);
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    admit(query.getChannel(), "", null);
    return inner.handleQuery(query);
  }

  @Override
  public Collection<Document> getCurrentOperations(MongoQuery query) {
    admit(query.getChannel(), "", null);
    return inner.getCurrentOperations(query);
  }

  @Override
  public Document getServerStatus() {
    // Reached without a command name or channel check by the wire handler: say nothing about the data.
    return new Document("ok", 1.0);
  }

  @Override
  public void handleClose(Channel channel) {
    inner.handleClose(channel);
  }

  @Override
  public void dropDatabase(String database) {
    inner.dropDatabase(database);
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public void closeCursors(List<Long> cursorIds) {
    inner.closeCursors(cursorIds);
  }

  @Override
  public Clock getClock() {
    return inner.getClock();
  }

  @Override
  public void enableOplog() {
    inner.enableOplog();
  }

  @Override
  public void disableOplog() {
    inner.disableOplog();
  }

  @Override
  public MongoDatabase resolveDatabase(String database) {
    return inner.resolveDatabase(database);
  }

  @Override
  public MongoBackend version(MongoVersion version) {
    inner.version(version);
    return this;
  }
}
