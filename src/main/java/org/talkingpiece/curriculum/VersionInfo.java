package org.talkingpiece.curriculum;

/**
 * One stored version of a module, as listed for authors.
 *
 * @param updatedAt ISO-8601 instant of the last change (creation, save, publish or retire)
 * @param updatedBy who made that change
 */
public record VersionInfo(String slug, int version, ModuleStatus status, String title,
    String updatedAt, String updatedBy) {}
