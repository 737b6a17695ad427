package org.talkingpiece.curriculum.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.support.Http;
import org.talkingpiece.support.TestServer;

/** Starts a test server with an author, a facilitator and their API tokens. */
final class World implements AutoCloseable {
  static final String AUTHOR = "ada-author";
  static final String FACILITATOR = "fred-facilitator";
  static final String PASSWORD = "a-long-test-password";
  final TestServer server;
  final Vertx vertx;
  final WebClient web;
  final String authorToken;
  final String facilitatorToken;

  World() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    web = server.client(vertx);
    String admin = Http.token(web, "admin", TestServer.ADMIN_PASSWORD);
    authorToken = Http.account(web, admin, AUTHOR, PASSWORD, "author");
    facilitatorToken = Http.account(web, admin, FACILITATOR, PASSWORD, "facilitator");
  }

  Http author() {
    return Http.signedIn(web, AUTHOR, PASSWORD);
  }

  Http facilitator() {
    return Http.signedIn(web, FACILITATOR, PASSWORD);
  }

  @Override
  public void close() throws Exception {
    server.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
