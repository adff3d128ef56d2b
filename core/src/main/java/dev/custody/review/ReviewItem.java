package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.audio.AudioInfo;
import dev.custody.audio.QualityFigures;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.project.ProjectId;
import java.time.Instant;

/**
 * A clip as a reviewer sees it in the queue: the prompt it answers, its format and duration, and
 * the automatic quality figures; deliberately never its contributor, so a verdict cannot depend on
 * who spoke.
 */
public record ReviewItem(
        ClipId clip,
        ProjectId project,
        int promptIndex,
        String prompt,
        AudioInfo audio,
        QualityFigures quality,
        Instant createdAt) {
    public ReviewItem {
        requireNonNull(clip, "clip is null");
        requireNonNull(project, "project is null");
        requireNonNull(prompt, "prompt is null");
        requireNonNull(audio, "audio is null");
        requireNonNull(quality, "quality is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    static ReviewItem of(Clip clip, String prompt) {
        return new ReviewItem(
                clip.id(), clip.project(), clip.promptIndex(), prompt, clip.audio(), clip.quality(), clip.createdAt());
    }
}
