package org.talkingpiece.session;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.talkingpiece.floor.FloorEvent;
import org.talkingpiece.floor.FloorEventCodec;
import org.talkingpiece.shared.AppException;

/**
 * Turns every session event into JSON for the log and back. Lifecycle events are named
 * {@code session.<Record>} and mapped field by field; floor events use the floor's own codec.
 */
public final class EventCodec {
  private static final String LIFECYCLE = "session.";
  private static final Map<String, Class<? extends LifecycleEvent>> BY_NAME = new HashMap<>();

  static {
    for (Class<? extends LifecycleEvent> type : LifecycleEvent.TYPES) {
      BY_NAME.put(LIFECYCLE + type.getSimpleName(), type);
    }
  }

  private EventCodec() {}

  public static JsonObject encode(SessionEvent event) {
    if (event instanceof LifecycleEvent e) {
      return JsonObject.mapFrom(e).put("type", LIFECYCLE + e.getClass().getSimpleName());
    }
    if (event instanceof FloorEvent e) {
      return FloorEventCodec.encode(e);
    }
    throw new IllegalArgumentException("No codec for " + event.getClass().getName());
  }

  public static SessionEvent decode(JsonObject json) {
    String type = json.getString("type");
    if (type == null) {
      throw AppException.invalid("A stored event has no type");
    }
    if (FloorEventCodec.handles(type)) {
      return FloorEventCodec.decode(json);
    }
    Class<? extends LifecycleEvent> cls = BY_NAME.get(type);
    if (cls == null) {
      throw AppException.invalid("Unknown event type " + type);
    }
    JsonObject fields = json.copy();
    fields.remove("type");
    return fields.mapTo(cls);
  }
}
