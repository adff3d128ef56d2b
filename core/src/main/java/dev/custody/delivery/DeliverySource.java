package dev.custody.delivery;

import java.util.stream.Stream;

/**
 * What a delivery is made of: the clips a grant covers, in a stable order (the same order on every
 * run, so a second run can skip the shards a first one finished), and the dataset's description.
 * Implementations decide the selection (accepted, consented, unerased clips the grant's purposes
 * cover) and open audio through the custodian; the writer trusts them for neither: it hashes what
 * it writes and proves every ledger index it is given.
 */
public interface DeliverySource {
    DatasetDescription description();

    /** How many clips {@link #items} yields (for progress only). */
    long count();

    /** The clips, in a stable order; the caller closes the stream. */
    Stream<DeliveryItem> items();
}
