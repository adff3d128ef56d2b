package dev.custody.ledger;

import dev.custody.Bytes;
import dev.custody.ErrorCode;
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
                new LedgerEvent.ConsentGiven(CONTRIBUTOR, PROJECT, CONSENT, 3, HASH),
                new LedgerEvent.ConsentWithdrawn(CONTRIBUTOR, PROJECT, CONSENT),
                new LedgerEvent.ClipIngested(CLIP, CONTRIBUTOR, PROJECT, HASH),
                new LedgerEvent.ClipRejected(CLIP, PROJECT, ErrorCode.AUDIO_TOO_QUIET),
                new LedgerEvent.ClipOpened(CLIP, CONTRIBUTOR, PROJECT),
                new LedgerEvent.ClipReviewed(CLIP, PROJECT, ReviewVerdict.ACCEPTED),
                new LedgerEvent.DatasetExported("exp_1", "gnt_1", PROJECT, 120, 1_000_000, HASH),
                new LedgerEvent.ContributorErased(CONTRIBUTOR, ErasureCause.CONSENT_WITHDRAWN),
                new LedgerEvent.KeyCreated("local://voice", KeyPurpose.VOICE, 1),
                new LedgerEvent.KeyRotated("local://voice", KeyPurpose.VOICE, 1, 2),
                new LedgerEvent.KeyDestroyed("local://voice", KeyPurpose.VOICE, 1),
                new LedgerEvent.AccountChanged("usr_1", AccountChange.CREATED),
                new LedgerEvent.PermissionChanged("usr_1", ActorRole.REVIEWER, PermissionChange.GRANTED, "org_1"),
                new LedgerEvent.PrincipalSuspended("usr_1", SuspensionCause.CANARY_TOUCHED),
                new LedgerEvent.ConfigurationChanged("egress.daily-bytes", HASH, Bytes.fromHex("cd".repeat(32))));
    }
}
