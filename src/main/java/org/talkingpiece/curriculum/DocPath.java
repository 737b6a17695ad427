package org.talkingpiece.curriculum;

import com.networknt.schema.JsonNodePath;

/** Builds the paths used in {@link ValidationError}: {@code activities[3].settings.options}. */
final class DocPath {
  static final String ROOT = "";

  private DocPath() {}

  static String field(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Translates a schema validator location (a JSON pointer underneath) into the path form. */
  static String of(JsonNodePath location) {
    String path = ROOT;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer n ? index(path, n) : field(path, String.valueOf(element));
    }
    return path;
  }
}
