package dev.custody.store;

import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import java.util.List;
import java.util.Optional;

public interface ClipRepository {
    void insert(Clip clip);

    Optional<Clip> find(ClipId id);

    /** A contributor's clips, oldest first. */
    List<Clip> byContributor(Pseudonym contributor);

    /**
     * Marks every clip of the contributor erased, deletes their key headers and returns their
     * blobs, to be deleted.
     */
    List<BlobId> erase(Pseudonym contributor);

    /**
     * Marks one clip erased and deletes its key header, which makes it unreadable even from copied
     * ciphertext; returns its blob, to be deleted, or empty if it is absent or was already erased.
     */
    Optional<BlobId> erase(ClipId clip);
}
