package org.talkingpiece.anonymity.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.talkingpiece.anonymity.PollSpec;
import org.talkingpiece.anonymity.PromptKind;
import org.talkingpiece.anonymity.PromptSettings;
import org.talkingpiece.anonymity.ReleaseRule;
import org.talkingpiece.anonymity.ScreenState;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Settings;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;

/**
 * Turns what a module or a facilitator asks for into {@link PromptSettings}: an activity's settings,
 * or the arguments of {@code anon.open}. Pure. Error messages name the argument, never its value
 * beyond what the facilitator typed as a setting.
 */
final class PromptSpecs {
  /** The command whose arguments {@link #adHoc} reads, for error messages. */
  private static final String ASK = "anon.open";
  private PromptSpecs() {}

  /** The prompt an anonymous activity opens, under the session's threshold {@code k}. */
  static PromptSettings forActivity(Activity activity, ReleaseRule rule) {
    Settings s = activity.typedSettings();
    if (s instanceof Settings.Reflection r) {
      return PromptSettings.reflection(rule, r.maxLength(), r.perPerson());
    }
    if (s instanceof Settings.Questions q) {
      return PromptSettings.questions(rule, q.maxLength(), q.premoderation());
    }
    if (s instanceof Settings.Wordcloud w) {
      return PromptSettings.wordcloud(rule, w.maxWords(), w.perPerson());
    }
    if (s instanceof Settings.Poll p) {
      return PromptSettings.poll(rule, poll(p));
    }
    throw new IllegalArgumentException("activity " + activity.id() + " collects no anonymous input");
  }

  private static PollSpec poll(Settings.Poll p) {
    return switch (p.kind()) {
      case SINGLE -> PollSpec.single(p.options());
      case MULTIPLE -> PollSpec.multiple(p.options());
      case SCALE -> {
        Settings.Scale scale = p.scale().orElseThrow(() -> new IllegalStateException("a scale poll without its scale"));
        yield PollSpec.scale(scale.min(), scale.max(), scale.minLabel(), scale.maxLabel());
      }
    };
  }

  /**
   * The settings of a prompt the facilitator asks on the spot:
   * {@code {kind, prompt, immediate?, maxLength?, perPerson?, premoderation?, maxWords?,
   * pollType?, options?, min?, max?, minLabel?, maxLabel?}}; absent settings take the module defaults.
   */
  static PromptSettings adHoc(JsonObject args, int k) {
    PromptKind kind = kind(args.getValue("kind"));
    ReleaseRule rule = Boolean.TRUE.equals(bool(args, "immediate"))
        ? ReleaseRule.immediateWithNotice() : ReleaseRule.threshold(k);
    return switch (kind) {
      case REFLECTION -> PromptSettings.reflection(rule, integer(args, "maxLength", 1000), integer(args, "perPerson", 1));
      case QUESTIONS -> PromptSettings.questions(rule, integer(args, "maxLength", 280),
          !Boolean.FALSE.equals(bool(args, "premoderation")));
      case WORDCLOUD -> PromptSettings.wordcloud(rule, integer(args, "maxWords", 3), integer(args, "perPerson", 3));
      case POLL -> PromptSettings.poll(rule, pollSpec(args));
    };
  }

  /** The facilitator's words for a prompt asked on the spot: 1-500 characters after trimming. */
  static String ask(JsonObject args) {
    Object value = args.getValue("prompt");
    if (!(value instanceof String text) || text.isBlank()) {
      throw AppException.invalid("prompt is required: what you are asking, in 1-" + ScreenState.MAX_ASK + " characters.");
    }
    String ask = text.strip();
    if (ask.codePointCount(0, ask.length()) > ScreenState.MAX_ASK) {
      throw AppException.invalid("prompt may be at most " + ScreenState.MAX_ASK + " characters.");
    }
    return ask;
  }

  static PromptKind kind(Object value) {
    if (value instanceof String wire) {
      for (PromptKind k : PromptKind.values()) {
        if (k.wire().equals(wire)) {
          return k;
        }
      }
    }
    throw AppException.invalid("kind must be reflection, questions, poll or wordcloud.");
  }

  private static PollSpec pollSpec(JsonObject args) {
    Object type = args.getValue("pollType", args.containsKey("options") ? "single" : "scale");
    if (!(type instanceof String wire)) {
      throw AppException.invalid("pollType must be single, multiple or scale.");
    }
    PollSpec.PollType pollType = PollSpec.PollType.fromWire(wire);
    if (pollType == PollSpec.PollType.SCALE) {
      return PollSpec.scale(integer(args, "min", 1), integer(args, "max", 5), text(args, "minLabel"), text(args, "maxLabel"));
    }
    Object options = args.getValue("options");
    if (!(options instanceof JsonArray list)) {
      throw AppException.invalid("options must be a list of 2 to 10 answers.");
    }
    List<String> labels = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String label)) {
        throw AppException.invalid("options must be a list of texts.");
      }
      labels.add(label);
    }
    return pollType == PollSpec.PollType.MULTIPLE ? PollSpec.multiple(labels) : PollSpec.single(labels);
  }

  private static int integer(JsonObject args, String name, int fallback) {
    return Args.integer(args, ASK, name, fallback);
  }

  private static Boolean bool(JsonObject args, String name) {
    return Args.optionalBool(args, ASK, name);
  }

  private static String text(JsonObject args, String name) {
    return Args.optionalText(args, ASK, name);
  }
}
