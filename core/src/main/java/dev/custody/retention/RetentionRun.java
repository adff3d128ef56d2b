package dev.custody.retention;

/**
 * What one retention run erased: counts only.
 *
 * @param expiredClips clips erased because their project's retention had passed
 * @param inactiveContributors contributors erased whole after 3 years without activity
 * @param clipsOfInactiveContributors the clips that became unreadable with those contributors
 */
public record RetentionRun(long expiredClips, long inactiveContributors, long clipsOfInactiveContributors) {
    public RetentionRun {
        if (expiredClips < 0 || inactiveContributors < 0 || clipsOfInactiveContributors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
