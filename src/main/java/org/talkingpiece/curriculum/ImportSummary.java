package org.talkingpiece.curriculum;

import java.util.List;

/**
 * What {@link ModuleImporter#importDirectory} did with each file.
 *
 * @param imported {@code slug@version} of each version stored now
 * @param unchanged {@code slug@version} of each version that was already stored with the same content
 * @param refused each file that was skipped, with every reason
 */
public record ImportSummary(List<String> imported, List<String> unchanged, List<Refusal> refused) {
  public ImportSummary {
    imported = List.copyOf(imported);
    unchanged = List.copyOf(unchanged);
    refused = List.copyOf(refused);
  }

  /** A skipped file; each reason reads {@code path: message}, or just the message. */
  public record Refusal(String file, List<String> reasons) {
    public Refusal {
      reasons = List.copyOf(reasons);
    }
  }
}
