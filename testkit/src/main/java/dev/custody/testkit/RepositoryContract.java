package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.activeContributor;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.clip;
import static dev.custody.testkit.RepositoryRecords.organization;
import static dev.custody.testkit.RepositoryRecords.sealedIdentity;
import static dev.custody.testkit.RepositoryRecords.voiceKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipState;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.Organization;
import dev.custody.store.MetadataStore;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract of {@link MetadataStore} and all its repositories, which every adapter runs by
 * extending this class and returning its store, open for the lifetime of the test class. One store
 * serves the whole class: every test makes records with fresh random ids, so tests neither see nor
 * disturb each other's rows. The transaction guarantees are tested here; each repository's
 * contract lives in a class of its own, run as a nested group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RepositoryContract extends RepositoryContractSupport {
    @Nested
    class Organizations extends OrganizationRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Projects extends ProjectRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Contributors extends ContributorRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Consents extends ConsentRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class ConsentTermsDocuments extends ConsentTermsRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Clips extends ClipRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class BlobDeletions extends BlobDeletionQueueContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Settings extends SettingsRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class WrappedKeys extends WrappedKeyRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Accounts extends AccountRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class AccessTokens extends AccessTokenRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class SignInFailures extends SignInFailureRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Reviews extends ReviewRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Nested
    class Payouts extends PayoutRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }

    @Test
    void inTransaction_returnsWhatTheWorkReturns() {
        String result = tx(r -> "result");

        assertThat(result).isEqualTo("result");
    }

    @Test
    void workThatThrows_rollsBackEveryWriteAndPropagatesTheSameException() {
        Organization organization = organization("Rolled back");
        Contributor contributor = activeContributor();
        IllegalStateException failure = new IllegalStateException("work failed");

        assertThatThrownBy(() -> write(r -> {
                    r.organizations().insert(organization);
                    r.contributors().insert(contributor, sealedIdentity(), voiceKey());
                    r.settings().put("rolled back " + contributor.pseudonym(), "x");
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(find(r -> r.organizations().find(organization.id()))).isEmpty();
        assertThat(find(r -> r.contributors().find(contributor.pseudonym()))).isEmpty();
        assertThat(find(r -> r.contributors().identity(contributor.pseudonym())))
                .isEmpty();
        assertThat(find(r -> r.contributors().voiceKey(contributor.pseudonym())))
                .isEmpty();
        assertThat(find(r -> r.settings().get("rolled back " + contributor.pseudonym())))
                .isEmpty();
    }

    @Test
    void custodyExceptionFromTheWork_propagatesUnchanged() {
        CustodyException failure = CustodyException.invalidInput("bad input");

        assertThatThrownBy(() -> tx(r -> {
                    throw failure;
                }))
                .isSameAs(failure);
    }

    @Test
    void conflictInsideTheWork_rollsBackItsEarlierWrites() {
        Organization existing = organization("Existing");
        write(r -> r.organizations().insert(existing));
        Organization fresh = organization("Fresh");

        assertFailsWith(
                ErrorCode.CONFLICT,
                () -> write(r -> {
                    r.organizations().insert(fresh);
                    r.organizations().insert(existing);
                }));

        assertThat(find(r -> r.organizations().find(fresh.id()))).isEmpty();
    }

    @Test
    void erasure_inOneTransaction_shredsKeyErasesClipsAndQueuesBlobs() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip clip = clip(scene.project().id(), contributor, at(1));
        write(r -> r.clips().insert(clip));

        List<BlobId> queued = tx(r -> {
            r.contributors().erase(contributor, at(2));
            List<BlobId> blobs = r.clips().erase(contributor, 100);
            blobs.forEach(blob -> r.blobDeletions().enqueue(blob, at(2)));
            return r.blobDeletions().next(Integer.MAX_VALUE);
        });

        assertThat(queued).contains(clip.blob());
        assertThat(find(r -> r.contributors().voiceKey(contributor))).isEmpty();
        assertThat(find(r -> r.clips().find(clip.id())).map(Clip::state)).contains(ClipState.ERASED);
        write(r -> r.blobDeletions().remove(clip.blob()));
    }

    @Nested
    class Grants extends GrantRepositoryContract {
        @Override
        protected MetadataStore store() {
            return RepositoryContract.this.store();
        }
    }
}
