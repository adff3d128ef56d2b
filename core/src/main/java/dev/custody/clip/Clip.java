package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.audio.AudioInfo;
import dev.custody.audio.QualityFigures;
import dev.custody.blob.BlobId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * A recorded clip's metadata. The audio itself is only ever stored encrypted, in the blob named
 * here, under its contributor's data-encryption key.
 *
 * @param sha256 SHA-256 of the original file's bytes, as uploaded
 * @param keyHeader the ciphertext header holding the salt of the clip key (see {@link
 *     dev.custody.keys.ClipEncryptingStream}); present exactly while the clip is not erased
 */
public record Clip(
        ClipId id,
        ProjectId project,
        Pseudonym contributor,
        int promptIndex,
        AudioInfo audio,
        long originalBytes,
        Bytes sha256,
        QualityFigures quality,
        ClipState state,
        BlobId blob,
        Optional<Bytes> keyHeader,
        Instant createdAt) {
    public Clip {
        requireNonNull(id, "id is null");
        requireNonNull(project, "project is null");
        requireNonNull(contributor, "contributor is null");
        if (promptIndex < 0) {
            throw new IllegalArgumentException("prompt index is negative");
        }
        requireNonNull(audio, "audio is null");
        requireNonNull(sha256, "sha256 is null");
        if (sha256.length() != 32) {
            throw new IllegalArgumentException("sha256 must be 32 bytes");
        }
        requireNonNull(quality, "quality is null");
        requireNonNull(state, "state is null");
        requireNonNull(blob, "blob is null");
        requireNonNull(keyHeader, "keyHeader is null");
        if (keyHeader.isPresent() == (state == ClipState.ERASED)) {
            throw new IllegalArgumentException("a clip has a key header exactly while it is not erased");
        }
        requireNonNull(createdAt, "createdAt is null");
    }
}
