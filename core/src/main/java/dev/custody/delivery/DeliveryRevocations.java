package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.grant.GrantId;
import dev.custody.grant.RevocationFeedFormat;
import dev.custody.ledger.CheckpointKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The buyer's side of the revocation feed: which keys of a verified delivery saved feed pages
 * revoke, so the buyer knows what to delete. Every page must carry both signatures of the
 * installation's published keys ({@link RevocationFeedFormat#verify}), be the feed of the grant the
 * delivery was made under (the grant its {@code croissant.json} names as its license, which the
 * signed provenance covers by hash), and follow the page before it (its {@code after} is the previous
 * page's {@code next}). Any of these failing is {@code INTEGRITY_FAILURE} naming the page.
 */
public final class DeliveryRevocations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryRevocations() {}

    /** The feed entries, in feed order, that revoke a key of {@code delivery} (read from {@code folder}). */
    public static List<RevocationFeedFormat.Entry> revoked(
            Path folder, VerifiedDelivery delivery, List<String> pages, CheckpointKeys keys) {
        requireNonNull(pages, "pages is null");
        GrantId grant = grantOf(requireNonNull(folder, "folder is null"));
        Set<String> delivered = new HashSet<>(delivery.keys());
        List<RevocationFeedFormat.Entry> revoked = new ArrayList<>();
        Long expectedAfter = null;
        for (int i = 0; i < pages.size(); i++) {
            RevocationFeedFormat.Page page = verified(pages.get(i), keys, i + 1);
            if (!page.grant().equals(grant)) {
                throw failed("revocation feed page " + (i + 1) + " is the feed of another grant");
            }
            if (expectedAfter != null && page.after() != expectedAfter) {
                throw failed("revocation feed page " + (i + 1) + " does not follow the page before it");
            }
            expectedAfter = page.next();
            page.entries().stream()
                    .filter(entry -> delivered.contains(entry.sampleKey()))
                    .forEach(revoked::add);
        }
        return List.copyOf(revoked);
    }

    private static RevocationFeedFormat.Page verified(String page, CheckpointKeys keys, int number) {
        try {
            return RevocationFeedFormat.verify(page, keys);
        } catch (CustodyException e) {
            throw failed("revocation feed page " + number
                    + " does not verify: forged, altered, or not signed by this installation's keys");
        }
    }

    /** The grant the delivery names (its croissant.json, whose hash the verified provenance signs). */
    private static GrantId grantOf(Path folder) {
        JsonNode croissant;
        try {
            croissant = JSON.readTree(folder.resolve(CroissantDocument.FILE).toFile());
        } catch (IOException e) {
            throw CustodyException.invalidInput("croissant.json cannot be read");
        }
        String license = croissant == null ? "" : croissant.path("license").asText("");
        if (!license.startsWith(GrantDelivery.LICENSE_PREFIX)) {
            throw CustodyException.invalidInput("the delivery names no grant, so no feed can be checked against it");
        }
        try {
            return new GrantId(license.substring(GrantDelivery.LICENSE_PREFIX.length()));
        } catch (IllegalArgumentException | CustodyException e) {
            throw CustodyException.invalidInput("the delivery names a malformed grant");
        }
    }

    private static CustodyException failed(String message) {
        return new CustodyException(ErrorCode.INTEGRITY_FAILURE, message);
    }
}
