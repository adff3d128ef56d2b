package dev.custody.ledger;

import dev.custody.Bytes;
import dev.custody.ErrorCode;
import dev.custody.Money;
import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KeyPurpose;
import dev.custody.project.ProjectId;
import java.util.List;

/** One event of every kind, with fixed ids so the same call gives equal events. */
final class SampleEvents {
    static final ClipId CLIP = new ClipId("clp_aaaaaaaaaaaaaaaaaaaaaaaaaa");
    static final Pseudonym CONTRIBUTOR = new Pseudonym("ctb_bbbbbbbbbbbbbbbbbbbbbbbbbb");
    static final ProjectId PROJECT = new ProjectId("prj_cccccccccccccccccccccccccc");
    static final ConsentId CONSENT = new ConsentId("cns_dddddddddddddddddddddddddd");
    static final Bytes HASH = Bytes.fromHex("ab".repeat(32));

    private SampleEvents() {}

    static List<LedgerEvent> all() {
        return List.of(
                new ConsentGiven(CONTRIBUTOR, PROJECT, CONSENT, 3, HASH),
                new ConsentWithdrawn(CONTRIBUTOR, PROJECT, CONSENT),
                new ClipIngested(CLIP, CONTRIBUTOR, PROJECT, HASH),
                new ClipRejected(CLIP, PROJECT, ErrorCode.AUDIO_TOO_QUIET),
                new ClipOpened(CLIP, CONTRIBUTOR, PROJECT),
                new ClipReviewed(CLIP, PROJECT, ReviewVerdict.ACCEPTED),
                new DatasetExported("exp_1", "gnt_1", PROJECT, 120, 1_000_000, HASH),
                new ContributorErased(CONTRIBUTOR, ErasureCause.CONSENT_WITHDRAWN),
                new KeyCreated("local://voice", KeyPurpose.VOICE, 1),
                new KeyRotated("local://voice", KeyPurpose.VOICE, 1, 2),
                new KeyDestroyed("local://voice", KeyPurpose.VOICE, 1),
                new AccountChanged("usr_1", AccountChange.CREATED),
                new PermissionChanged("usr_1", ActorRole.REVIEWER, PermissionChange.GRANTED, "org_1"),
                new PrincipalSuspended("usr_1", SuspensionCause.CANARY_TOUCHED),
                new ConfigurationChanged("egress.daily-bytes", HASH, Bytes.fromHex("cd".repeat(32))),
                new ClipErased(CLIP, CONTRIBUTOR, PROJECT, ErasureCause.RETENTION_EXPIRED),
                new PayoutCredited(CLIP, CONTRIBUTOR, PROJECT, Money.parse("0.35", "EUR")),
                new PayoutBatchChanged("pbt_1", PayoutBatchChange.CREATED, 3, HASH),
                new ConsentTermsPublished(PROJECT, 2, HASH),
                new RequestRefused("ctb_bbbbbbbbbbbbbbbbbbbbbbbbbb", "consent", ErrorCode.INVALID_INPUT),
                new IntegrityFailed(IntegrityCheck.BLOB, List.of(new Subject(SubjectKind.CLIP, CLIP.value()))),
                ClipOpenEnded.refused(CLIP, CONTRIBUTOR, PROJECT, ErrorCode.INTEGRITY_FAILURE),
                new PaperConsentRecorded(CONTRIBUTOR, PROJECT, CONSENT, HASH),
                new GrantChanged(
                        "grt_eeeeeeeeeeeeeeeeeeeeeeeeee",
                        PROJECT.value(),
                        "acc_ffffffffffffffffffffffffff",
                        GrantChange.CREATED,
                        HASH));
    }
}
