package dev.tally.history;

/**
 * What {@link HistoryWriter#applyRetention(java.time.Instant)} did.
 *
 * @param foldedDays        daily rollups newly marked as folded (standing in for their removed raw rows)
 * @param removedSnapshots  raw snapshot rows removed
 * @param removedOutcomes   poll outcome rows removed
 */
public record RetentionResult(int foldedDays, int removedSnapshots, int removedOutcomes) {
}
