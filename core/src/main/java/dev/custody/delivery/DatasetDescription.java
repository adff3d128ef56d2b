package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@code croissant.json} says of a delivery as a whole, beside what it counts from the
 * samples themselves (the collection's timeframe, the shards).
 *
 * @param name the dataset's name
 * @param description what it holds
 * @param publisher the organization that commissioned it (never a person)
 * @param license a URL or a text naming the data-use agreement the buyer holds
 * @param purposesAllowed the data-use purposes the grant names (codes)
 * @param purposesForbidden what the consent terms forbid (codes)
 * @param compensation how contributors were paid, in words (for example "0.35 EUR per accepted clip")
 */
public record DatasetDescription(
        String name,
        String description,
        String publisher,
        String license,
        List<String> purposesAllowed,
        List<String> purposesForbidden,
        String compensation) {
    public DatasetDescription {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(publisher, "publisher is null");
        requireNonNull(license, "license is null");
        purposesAllowed = List.copyOf(requireNonNull(purposesAllowed, "purposesAllowed is null"));
        purposesForbidden = List.copyOf(requireNonNull(purposesForbidden, "purposesForbidden is null"));
        requireNonNull(compensation, "compensation is null");
    }
}
