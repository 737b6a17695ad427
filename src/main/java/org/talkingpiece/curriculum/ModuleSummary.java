package org.talkingpiece.curriculum;

/** A published module as listed for facilitators ({@code GET /api/modules}): its latest published version. */
public record ModuleSummary(String slug, int version, String title, String summary, int durationMinutes) {}
