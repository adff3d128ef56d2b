package dev.custody.server.pages;

import static java.util.Objects.requireNonNull;

import gg.jte.support.LocalizationSupport;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Every string a person reads on a page, in one language, from the bundle {@code web/messages}
 * (UTF-8 properties). Keys starting {@code js.} or {@code error.} are also handed to the page's
 * scripts (as hidden markup, not inline script), which show messages the server did not render.
 */
public final class Messages implements LocalizationSupport {
    /** The languages shipped, the first the default. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    private static final String BUNDLE = "web.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String language;
    private final ResourceBundle bundle;
    private final Map<String, String> forScripts;

    private Messages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), NO_FALLBACK);
        Map<String, String> keys = new TreeMap<>();
        for (String key : Collections.list(bundle.getKeys())) {
            if (key.startsWith("js.") || key.startsWith("error.")) {
                keys.put(key, bundle.getString(key));
            }
        }
        this.forScripts = Map.copyOf(keys);
    }

    private static final Map<String, Messages> SHIPPED = Map.of("en", new Messages("en"), "es", new Messages("es"));

    /** The messages of a shipped language. */
    public static Messages of(String language) {
        requireNonNull(language, "language is null");
        Messages messages = SHIPPED.get(language);
        if (messages == null) {
            throw new IllegalArgumentException("no messages in " + language);
        }
        return messages;
    }

    public String language() {
        return language;
    }

    /** The message for a key; a missing key is a programming error a test finds. */
    @Override
    public String lookup(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + language, e);
        }
    }

    /** The message for a key if the bundle has one. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The messages the page's scripts show, sorted by key. */
    public Map<String, String> forScripts() {
        return new TreeMap<>(forScripts);
    }
}
