package org.talkingpiece.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkingpiece.anonymity.PromptStateTest.p;
import static org.talkingpiece.anonymity.StoreFutures.applied;
import static org.talkingpiece.anonymity.StoreFutures.failsWith;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.support.EmbeddedMongo;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class MongoAnonymousStoreTest {
  private static EmbeddedMongo mongo;
  private final RandomGenerator random = new SplittableRandom(5);
  private final PromptRef prompt = PromptRef.of("session-a", "reflect-1");
  private AnonymousStore store;

  @BeforeAll
  static void startMongo() {
    mongo = EmbeddedMongo.start();
  }

  @AfterAll
  static void stopMongo() {
    mongo.stop();
  }

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    store = AnonymousStore.create(mongo.client(vertx));
    store.init().onComplete(ctx.succeedingThenComplete());
  }

  private Future<PromptState> writeAll(PromptState start, int from, int to) {
    Future<PromptState> f = Future.succeededFuture(start);
    for (int i = from; i <= to; i++) {
      int person = i;
      f = f.compose(s -> applied(store, prompt, s.submit(p(person), "answer " + person, null, random)));
    }
    return f;
  }

  private Future<StoredPrompt> reload() {
    return store.load(prompt).map(Optional::orElseThrow);
  }

  @Test
  @DisplayName("After a restart a reflection shows exactly what it showed before, and still holds back the rest")
  void restoresReleasedAndHeld(VertxTestContext ctx) {
    PromptSettings settings = PromptSettings.reflection(ReleaseRule.threshold(3));
    store.openPrompt(prompt, settings)
        .compose(v -> writeAll(PromptState.open(settings), 1, 5))
        .compose(before -> reload().map(stored -> {
          PromptState after = PromptState.restore(stored);
          ctx.verify(() -> {
            assertThat(after.shown()).isEqualTo(before.shown()).hasSize(3);
            assertThat(after.summary()).isEqualTo(before.summary());
            assertThat(stored.roll()).hasSize(5);
          });
          return after;
        }))
        .compose(after -> applied(store, prompt, after.submit(p(6), "answer 6", null, random)))
        .compose(s -> reload().map(stored -> {
          ctx.verify(() -> assertThat(PromptState.restore(stored).shown()).hasSize(6).isEqualTo(s.shown()));
          return s;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("The store itself refuses a second answer from the same person, and keeps only the first")
  void rollIsEnforcedInTheStore(VertxTestContext ctx) {
    PromptSettings settings = PromptSettings.reflection(ReleaseRule.threshold(3));
    PromptState fresh = PromptState.open(settings);
    store.openPrompt(prompt, settings)
        .compose(v -> store.apply(prompt, fresh.submit(p(1), "first", null, random).change()))
        .compose(v -> failsWith(store.apply(prompt, fresh.submit(p(1), "second", null, random).change()), ErrorCode.CONFLICT))
        .compose(v -> reload())
        .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
          assertThat(stored.items()).extracting(AnonItem::text).containsExactly("first");
          assertThat(stored.roll()).containsExactly(java.util.Map.entry(p(1), 1));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("If an answer cannot be stored (prompt closed), the person's slot is given back")
  void claimIsGivenBack(VertxTestContext ctx) {
    PromptSettings settings = PromptSettings.reflection(ReleaseRule.threshold(3));
    PromptState fresh = PromptState.open(settings);
    store.openPrompt(prompt, settings)
        .compose(v -> store.apply(prompt, new PromptChange.OpenChanged(false)))
        .compose(v -> failsWith(store.apply(prompt, fresh.submit(p(1), "late", null, random).change()), ErrorCode.WRONG_STATE))
        .compose(v -> reload())
        .compose(stored -> {
          ctx.verify(() -> {
            assertThat(stored.open()).isFalse();
            assertThat(stored.items()).isEmpty();
            assertThat(stored.roll()).isEmpty();
          });
          return store.apply(prompt, new PromptChange.OpenChanged(true));
        })
        .compose(v -> store.apply(prompt, fresh.submit(p(1), "now", null, random).change()))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("An answer sent to a prompt that was never opened is refused")
  void unknownPrompt(VertxTestContext ctx) {
    PromptState fresh = PromptState.open(PromptSettings.reflection(ReleaseRule.threshold(3)));
    failsWith(store.apply(prompt, fresh.submit(p(1), "x", null, random).change()), ErrorCode.WRONG_STATE)
        .compose(v -> store.load(prompt))
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertThat(loaded).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Taking an answer back with its key deletes it, frees the slot, and works only once")
  void withdrawal(VertxTestContext ctx) {
    PromptSettings settings = PromptSettings.reflection(ReleaseRule.threshold(3));
    String key = Ids.secret();
    store.openPrompt(prompt, settings)
        .compose(v -> applied(store, prompt, PromptState.open(settings).submit(p(1), "mine", key, random)))
        .compose(s -> writeAll(s, 2, 3))
        .compose(s -> {
          Step<PromptState> back = s.withdraw(p(1), key);
          return store.apply(prompt, back.change())
              .compose(v -> failsWith(store.apply(prompt, back.change()), ErrorCode.NOT_FOUND));
        })
        .compose(v -> reload())
        .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
          assertThat(stored.items()).extracting(AnonItem::text).containsExactlyInAnyOrder("answer 2", "answer 3");
          assertThat(stored.batches().get(0)).hasSize(2);
          assertThat(stored.roll()).doesNotContainKey(p(1));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Upvotes are one per person, can be taken back, and released totals survive a restart")
  void upvotes(VertxTestContext ctx) {
    PromptRef board = PromptRef.of("session-a", "questions-1");
    PromptSettings settings = PromptSettings.questions(ReleaseRule.threshold(3), 280, false);
    Future<PromptState> f = store.openPrompt(board, settings).map(v -> PromptState.open(settings));
    for (int i = 1; i <= 3; i++) {
      int person = i;
      f = f.compose(s -> applied(store, board, s.submit(p(person), "question " + person + "?", null, random)));
    }
    f.compose(s -> {
          String q = s.questions(QuestionOrder.NEWEST, false).get(0).id();
          Step<PromptState> vote = s.vote(p(7), q, true);
          return store.apply(board, vote.change())
              .compose(v -> failsWith(store.apply(board, vote.change()), ErrorCode.CONFLICT))
              .map(v -> vote.next())
              .compose(n -> applied(store, board, n.vote(p(7), q, false)))
              .compose(n -> applied(store, board, n.vote(p(7), q, true)))
              .compose(n -> applied(store, board, n.vote(p(8), q, true)))
              .compose(n -> applied(store, board, n.vote(p(9), q, true)))
              .compose(n -> applied(store, board, n.moderate(q, new QuestionFlags(false, false, true, false))))
              .compose(n -> store.load(board).map(stored -> {
                PromptState restored = PromptState.restore(stored.orElseThrow());
                ctx.verify(() -> {
                  assertThat(restored.questions(QuestionOrder.VOTES, false)).isEqualTo(n.questions(QuestionOrder.VOTES, false));
                  QuestionView top = restored.questions(QuestionOrder.VOTES, false).get(0);
                  assertThat(top.id()).isEqualTo(q);
                  assertThat(top.votes()).isEqualTo(3);
                  assertThat(top.flags().pinned()).isTrue();
                  assertThat(restored.hasVoted(p(7), q)).isTrue();
                });
                return restored;
              }));
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Poll answers become counts and a roll, and the released chart survives a restart")
  void poll(VertxTestContext ctx) {
    PromptRef pollRef = PromptRef.of("session-a", "poll-1");
    PromptSettings settings = PromptSettings.poll(ReleaseRule.threshold(3), PollSpec.multiple(List.of("A", "B")));
    List<Set<String>> answers = List.of(Set.of("1"), Set.of("1", "2"), Set.of(PollSpec.PREFER_NOT_TO_SAY), Set.of("2"));
    Future<PollState> f = store.openPrompt(pollRef, settings).map(v -> PollState.open(settings));
    for (int i = 0; i < answers.size(); i++) {
      int person = i;
      f = f.compose(s -> applied(store, pollRef, s.answer(p(person), answers.get(person))));
    }
    f.compose(s -> failsWith(store.apply(pollRef, PollState.open(settings).answer(p(0), Set.of("2")).change()), ErrorCode.CONFLICT)
            .compose(v -> store.load(pollRef)).map(stored -> {
              PollState restored = PollState.restore(stored.orElseThrow());
              ctx.verify(() -> {
                assertThat(restored.result()).isEqualTo(s.result());
                assertThat(restored.result().respondents()).isEqualTo(3);
                assertThat(restored.result().answered()).isEqualTo(4);
                assertThat(stored.orElseThrow().counts().counts()).containsExactly(
                    java.util.Map.entry("1", 2), java.util.Map.entry("2", 2), java.util.Map.entry(PollSpec.PREFER_NOT_TO_SAY, 1));
                assertThat(restored.hasAnswered(p(3))).isTrue();
              });
              return restored;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Signal counts survive a restart; acknowledging clears only the unseen count")
  void signals(VertxTestContext ctx) {
    store.applySignal("session-a", new SignalChange(SignalKind.OUCH, false))
        .compose(v -> store.applySignal("session-a", new SignalChange(SignalKind.OUCH, false)))
        .compose(v -> store.applySignal("session-a", new SignalChange(SignalKind.PAUSE, false)))
        .compose(v -> store.applySignal("session-a", new SignalChange(SignalKind.OUCH, true)))
        .compose(v -> store.loadSignals("session-a"))
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts.total(SignalKind.OUCH)).isEqualTo(2);
          assertThat(counts.unseen(SignalKind.OUCH)).isZero();
          assertThat(counts.unseen(SignalKind.PAUSE)).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Opening a prompt twice keeps what was written; deleting a session removes it all and only it")
  void openTwiceAndDelete(VertxTestContext ctx) {
    PromptSettings settings = PromptSettings.reflection(ReleaseRule.threshold(3));
    PromptRef other = PromptRef.of("session-b", "reflect-1");
    store.openPrompt(prompt, settings)
        .compose(v -> writeAll(PromptState.open(settings), 1, 2))
        .compose(v -> store.openPrompt(prompt, settings))
        .compose(v -> store.openPrompt(other, settings))
        .compose(v -> store.applySignal("session-a", new SignalChange(SignalKind.PAUSE, false)))
        .compose(v -> reload())
        .compose(stored -> {
          ctx.verify(() -> assertThat(stored.items()).hasSize(2));
          return store.deleteSession("session-a");
        })
        .compose(v -> Future.all(store.loadSession("session-a"), store.loadSession("session-b"), store.loadSignals("session-a")))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all.<List<StoredPrompt>>resultAt(0)).isEmpty();
          assertThat(all.<List<StoredPrompt>>resultAt(1)).extracting(StoredPrompt::prompt).containsExactly(other);
          assertThat(all.<SignalCounts>resultAt(2)).isEqualTo(SignalCounts.none());
          ctx.completeNow();
        })));
  }
}
