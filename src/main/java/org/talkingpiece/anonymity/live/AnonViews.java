package org.talkingpiece.anonymity.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import org.talkingpiece.anonymity.Guarantee;
import org.talkingpiece.anonymity.PollResult;
import org.talkingpiece.anonymity.PollSpec;
import org.talkingpiece.anonymity.PromptKind;
import org.talkingpiece.anonymity.PromptSettings;
import org.talkingpiece.anonymity.PromptSummary;
import org.talkingpiece.anonymity.QuestionOrder;
import org.talkingpiece.anonymity.QuestionView;
import org.talkingpiece.anonymity.ShownItem;
import org.talkingpiece.anonymity.SignalCounts;
import org.talkingpiece.anonymity.SignalKind;
import org.talkingpiece.anonymity.SmallCells;
import org.talkingpiece.anonymity.WordCloud;

/**
 * The {@code anonymous} part of each audience's view (shapes in docs/protocol.md, "Anonymous input and
 * signals"). Pure; called on the session owner's thread.
 *
 * <p>What it never puts in any view: content below the threshold (the rules release nothing until
 * then), a time or arrival order for any item, live vote totals, or anything that ties an item, a vote
 * or a signal to a participant. The participant's own part holds only what they may know about
 * themselves: slots left, whether they answered a poll, which questions they upvoted, and whether
 * their own signal is waiting.
 */
final class AnonViews {
  private AnonViews() {}

  /** Everyone: the prompt on screen, counts, the guarantee, and what is released for all to see. */
  static JsonObject forPublic(LivePrompt p, String title, boolean adHoc) {
    JsonObject view = header(p, title, adHoc);
    if (p == null) {
      return view.put("signals", signalsGuarantee());
    }
    view.put("limits", limits(p.settings())).put("withdrawNotice", Guarantee.WITHDRAW_AFTER_RELEASE);
    switch (p.kind()) {
      case REFLECTION -> view.put("releasedIds", releasedIds(p.items().shown()));
      case WORDCLOUD -> view.put("releasedIds", releasedIds(p.items().shown())).put("cloud", cloud(p.items().cloud()));
      case QUESTIONS -> view.put("premoderation", p.settings().premoderation())
          .put("releasedIds", releasedIds(p.items().shown()))
          .put("questions", questions(p.items().questions(QuestionOrder.VOTES, false), false));
      case POLL -> view.put("poll", poll(p));
    }
    return view.put("signals", signalsGuarantee());
  }

  /**
   * The facilitator: the public part, plus released items in their shuffled batches, every released
   * question with its moderation state, what is on the projector, signal counts and every prompt of
   * the session.
   */
  static JsonObject forFacilitator(LivePrompt p, String title, boolean adHoc, List<String> projected,
      SignalCounts signals, JsonArray prompts) {
    JsonObject view = forPublic(p, title, adHoc);
    if (p != null) {
      switch (p.kind()) {
        case REFLECTION, WORDCLOUD -> view.put("items", items(p.items().shown()));
        case QUESTIONS -> view.put("questions", questions(p.items().questions(QuestionOrder.VOTES, true), true));
        case POLL -> { }
      }
      view.put("projected", new JsonArray(List.copyOf(projected)))
          .put("canReleaseImmediately", !p.settings().rule().immediate() && p.summary().count() == 0);
    }
    JsonObject counts = signalsGuarantee();
    for (SignalKind k : SignalKind.values()) {
      counts.put(k.wire(), new JsonObject().put("total", signals.total(k)).put("unseen", signals.unseen(k)));
    }
    return view.put("signals", counts).put("prompts", prompts);
  }

  /** The projector: the prompt, its counts, what the facilitator put up, and released results. */
  static JsonObject forDisplay(LivePrompt p, String title, boolean adHoc, List<String> projected) {
    JsonObject view = header(p, title, adHoc);
    if (p == null) {
      return view;
    }
    JsonArray up = new JsonArray();
    switch (p.kind()) {
      case REFLECTION, WORDCLOUD -> {
        for (String id : projected) {
          p.items().shown().stream().filter(i -> i.id().equals(id)).findFirst()
              .ifPresent(i -> up.add(new JsonObject().put("id", i.id()).put("text", i.text())));
        }
        if (p.kind() == PromptKind.WORDCLOUD) {
          view.put("cloud", cloud(p.items().cloud()));
        }
      }
      case QUESTIONS -> {
        List<QuestionView> visible = p.items().questions(QuestionOrder.VOTES, false);
        for (String id : projected) {
          visible.stream().filter(q -> q.id().equals(id)).findFirst()
              .ifPresent(q -> up.add(new JsonObject().put("id", q.id()).put("text", q.text()).put("votes", q.votes())));
        }
        view.put("questions", questions(visible, false));
      }
      case POLL -> view.put("poll", poll(p));
    }
    return view.put("projected", up);
  }

  /** One participant's own part: nothing about anyone else, and nothing that names their items. */
  static JsonObject forParticipant(LivePrompt p, int remaining, boolean answered, Collection<String> votedFor,
      boolean ouchWaiting, boolean pauseWaiting) {
    JsonObject view = new JsonObject();
    if (p != null) {
      view.put("promptId", p.ref().promptId()).put("round", p.ref().round()).put("remaining", remaining);
      if (p.kind() == PromptKind.POLL) {
        view.put("answered", answered);
      }
      if (p.kind() == PromptKind.QUESTIONS) {
        view.put("votedFor", new JsonArray(List.copyOf(votedFor)));
      }
    } else {
      view.putNull("promptId");
    }
    return view.put("signals", new JsonObject().put(SignalKind.OUCH.wire(), ouchWaiting).put(SignalKind.PAUSE.wire(), pauseWaiting));
  }

  private static JsonObject header(LivePrompt p, String title, boolean adHoc) {
    JsonObject view = new JsonObject();
    if (p == null) {
      return view.putNull("promptId");
    }
    PromptSummary s = p.summary();
    Guarantee g = p.guarantee();
    return view.put("promptId", p.ref().promptId()).put("round", p.ref().round()).put("kind", p.kind().wire())
        .put("title", title).put("adHoc", adHoc).put("open", s.open()).put("count", s.count()).put("shown", s.shown()).put("held", s.held())
        .put("released", s.thresholdMet()).put("threshold", p.settings().rule().threshold())
        .put("immediate", p.settings().rule().immediate())
        .put("guarantee", new JsonObject().put("headline", g.headline()).put("text", g.text()));
  }

  private static JsonObject limits(PromptSettings s) {
    return new JsonObject().put("maxLength", s.maxLength()).put("perPerson", s.perPerson()).put("maxWords", s.maxWords());
  }

  private static JsonObject signalsGuarantee() {
    Guarantee g = Guarantee.signals();
    return new JsonObject().put("guarantee", new JsonObject().put("headline", g.headline()).put("text", g.text()));
  }

  private static JsonArray releasedIds(List<ShownItem> shown) {
    JsonArray ids = new JsonArray();
    shown.forEach(i -> ids.add(i.id()));
    return ids;
  }

  private static JsonArray items(List<ShownItem> shown) {
    JsonArray out = new JsonArray();
    shown.forEach(i -> out.add(new JsonObject().put("id", i.id()).put("text", i.text()).put("batch", i.batch())));
    return out;
  }

  private static JsonArray cloud(List<WordCloud.WordCount> words) {
    JsonArray out = new JsonArray();
    words.forEach(w -> out.add(new JsonObject().put("term", w.term()).put("count", w.count())));
    return out;
  }

  private static JsonArray questions(List<QuestionView> list, boolean forFacilitator) {
    JsonArray out = new JsonArray();
    for (QuestionView q : list) {
      JsonObject json = new JsonObject().put("id", q.id()).put("text", q.text()).put("votes", q.votes())
          .put("batch", q.batch()).put("pinned", q.flags().pinned()).put("answered", q.flags().answered());
      if (forFacilitator) {
        json.put("approved", q.flags().approved()).put("hidden", q.flags().hidden());
      }
      out.add(json);
    }
    return out;
  }

  private static JsonObject poll(LivePrompt p) {
    PollSpec spec = p.settings().poll();
    PollResult result = p.poll().result();
    JsonArray options = new JsonArray();
    spec.options().forEach(o -> options.add(new JsonObject().put("key", o.key()).put("label", o.label())));
    JsonArray rows = new JsonArray();
    for (PollResult.Row row : result.rows()) {
      rows.add(pollRow(result, row));
    }
    return new JsonObject().put("type", spec.type().wire()).put("options", options).put("released", result.released())
        .put("respondents", result.respondents()).put("answered", result.answered()).put("k", result.k())
        .put("results", rows);
  }

  /**
   * One result row, the same for every audience: {@code {key, label, count, share}} when the count may
   * be shown, else {@code {key, label, hidden}} with {@code hidden} one of {@code fewer-than-k},
   * {@code all-but-fewer-than-k} or {@code withheld} and no count or share at all.
   */
  static JsonObject pollRow(PollResult result, PollResult.Row row) {
    JsonObject json = new JsonObject().put("key", row.key()).put("label", row.label());
    if (row.hidden() != null) {
      return json.put("hidden", hiddenWire(row.hidden()));
    }
    return json.put("count", row.count().getAsInt())
        .put("share", Math.round(result.share(row).orElse(0) * 1000) / 1000.0);
  }

  /** The wire name of a reason a count is hidden. */
  public static String hiddenWire(SmallCells.Reason reason) {
    return switch (reason) {
      case FEWER_THAN_K -> "fewer-than-k";
      case ALL_BUT_FEWER_THAN_K -> "all-but-fewer-than-k";
      case WITHHELD -> "withheld";
    };
  }
}
