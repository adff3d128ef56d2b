package dev.custody.ledger;

import dev.custody.Bytes;
import java.util.List;

/**
 * A security-relevant event, one record per kind. Fields are ids, pseudonyms, enums, counts and
 * hashes only: never a name, free text or audio.
 *
 * <p>The ledger entry records the event's {@link #action()}, its {@link #subjects()} and the
 * SHA-256 of its {@link #details()}. The details are canonical bytes: the action's one-byte code,
 * then every field in declaration order, each as
 *
 * <ul>
 *   <li>an id, an enum (by constant name) or a string: 8-byte big-endian length, then UTF-8;
 *   <li>a hash: 8-byte big-endian length, then the bytes;
 *   <li>a number: 8 bytes, big-endian two's complement.
 * </ul>
 *
 * So whoever holds the event can prove it is the one the ledger recorded, and the ledger alone
 * reveals nothing more than ids.
 */
public sealed interface LedgerEvent
        permits ConsentGiven,
                ConsentWithdrawn,
                ClipIngested,
                ClipRejected,
                ClipOpened,
                ClipReviewed,
                DatasetExported,
                ContributorErased,
                KeyCreated,
                KeyRotated,
                KeyDestroyed,
                AccountChanged,
                PermissionChanged,
                PrincipalSuspended,
                ConfigurationChanged,
                ClipErased,
                PayoutCredited,
                PayoutBatchChanged,
                ConsentTermsPublished,
                RequestRefused,
                IntegrityFailed,
                ClipOpenEnded,
                PaperConsentRecorded,
                GrantChanged {
    Action action();

    /** The ids this event is about, in a fixed order. */
    List<Subject> subjects();

    /** The canonical details whose SHA-256 the ledger entry carries. */
    Bytes details();
}
