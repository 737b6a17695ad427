package org.talkingpiece.curriculum;

/** Where a module version is in its life: drafts change, published versions never do. */
public enum ModuleStatus {
  DRAFT, PUBLISHED, RETIRED;

  /** As written in documents: {@code draft}, {@code published}, {@code retired}. */
  public String wireName() {
    return Wire.name(this);
  }

  public static ModuleStatus fromWire(String text) {
    return Wire.parse(ModuleStatus.class, text);
  }
}
