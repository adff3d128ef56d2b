package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.Money;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;

/**
 * An accepted clip credited its contributor's payout ledger with {@code amount}, the project's pay
 * per accepted clip; the amount is written as minor units and currency code, never as a fraction.
 */
public record PayoutCredited(ClipId clip, Pseudonym contributor, ProjectId project, Money amount)
        implements LedgerEvent {
    public PayoutCredited {
        requireNonNull(clip, "clip is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(amount, "amount is null");
    }

    @Override
    public Action action() {
        return Action.PAYOUT_CREDITED;
    }

    @Override
    public List<Subject> subjects() {
        return Subjects.of(clip, contributor, project);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(clip)
                .text(contributor)
                .text(project)
                .number(amount.minorUnits())
                .text(amount.currency().getCurrencyCode())
                .build();
    }
}
