package org.talkingpiece.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.report.AnonymousResults;
import org.talkingpiece.report.AnonymousResults.PollOption;
import org.talkingpiece.report.AnonymousResults.PollResult;
import org.talkingpiece.report.AnonymousResults.RevealedPrompt;
import org.talkingpiece.report.AnonymousResults.WithheldPrompt;
import org.talkingpiece.report.ReportDocument;
import org.talkingpiece.session.Commit;
import org.talkingpiece.session.EventStore;
import org.talkingpiece.session.LiveFeature;
import org.talkingpiece.session.SessionContext;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.ErrorCode;

class ReportServiceTest {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(500_000));

  /** A log held in memory. */
  record Log(List<Commit> commits) implements EventStore {
    @Override
    public Future<Void> write(Commit commit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<Commit>> load(String sessionId) {
      return Future.succeededFuture(LoggedSession.ID.equals(sessionId) ? commits : List.of());
    }

    @Override
    public Future<Void> deleteSession(String sessionId) {
      throw new UnsupportedOperationException();
    }
  }

  /** A feature that only contributes results. */
  record Results(AnonymousResults results) implements LiveFeature.Factory {
    @Override
    public Future<LiveFeature> open(SessionContext session) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> deleteSession(String sessionId) {
      return Future.succeededFuture();
    }

    @Override
    public Future<AnonymousResults> results(String sessionId) {
      return Future.succeededFuture(results);
    }
  }

  static ReportDocument await(Future<ReportDocument> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  static ReportService service(List<Commit> log, ReportService.ModuleLookup modules, List<LiveFeature.Factory> features) {
    return new ReportService(new Log(log), modules, features, CLOCK, ReportService.Worker.CALLER);
  }

  @Test
  @DisplayName("The report gathers every feature's released items, polls and withheld counts, in feature order")
  void mergesFeatures() throws Exception {
    LoggedSession s = ReportFromLogTest.session();
    AnonymousResults reflections = new AnonymousResults(
        List.of(new RevealedPrompt("What did you notice?", List.of("second", "first"))), List.of(),
        List.of(new WithheldPrompt("What is hard to say?", 2)));
    AnonymousResults polls = new AnonymousResults(List.of(),
        List.of(new PollResult("How safe does this room feel?", List.of(PollOption.shown("Safe", 4),
            PollOption.hidden("Not yet", "fewer-than-k")), 6, 3)),
        List.of());
    ReportService service = service(s.log, (slug, v) -> Future.succeededFuture(s.module),
        List.of(new Results(reflections), new Results(AnonymousResults.none()), new Results(polls)));

    JsonObject anonymous = await(service.report(LoggedSession.ID, "fallback", r -> r)).toJson().getJsonObject("anonymous");
    assertThat(anonymous.getJsonArray("revealed").getJsonObject(0).getJsonArray("texts").getList())
        .as("the feature's shuffled order is kept").containsExactly("second", "first");
    assertThat(anonymous.getJsonArray("polls").getJsonObject(0).getLong("respondents")).isEqualTo(6);
    assertThat(anonymous.getJsonArray("withheld").getJsonObject(0))
        .isEqualTo(new JsonObject().put("prompt", "What is hard to say?").put("count", 2));
  }

  @Test
  @DisplayName("Without its module, the report still comes out: the session's listed title, activities by id")
  void moduleMissing() throws Exception {
    LoggedSession s = ReportFromLogTest.session();
    ReportService service = service(s.log, (slug, v) -> Future.failedFuture(AppException.notFound("gone")), List.of());
    JsonObject json = await(service.report(LoggedSession.ID, "Listed title", r -> r)).toJson();
    assertThat(json.getJsonObject("session").getString("moduleTitle")).isEqualTo("Listed title");
    assertThat(json.getJsonArray("activities").stream().map(a -> ((JsonObject) a).getString("title")).toList())
        .containsExactly("welcome-and-agreements", "what-privilege-is");
    assertThat(json.getJsonObject("airtime").getLong("totalAirtimeMs")).isEqualTo(50_000L);
  }

  @Test
  @DisplayName("A session with no log left is not found")
  void noLog() {
    ReportService service = service(List.of(), (slug, v) -> Future.<Module>succeededFuture(null), List.of());
    Future<ReportDocument> f = service.report("nothing-here", "x", r -> r);
    assertThat(f.failed()).isTrue();
    assertThat(((AppException) f.cause()).code()).isEqualTo(ErrorCode.NOT_FOUND);
  }
}
