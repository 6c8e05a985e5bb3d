package com.omnis.shared.customer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as the call centre searches it: lower-case, accents and punctuation dropped, spaces collapsed
 * ({@code "Élodie  Dupré-Léger"} → {@code "elodie dupre leger"}), so what the customer spells on the line
 * finds what they typed on the web. The first {@value #KEY_LENGTH} letters are the partition of the
 * {@code byName} index: a prefix shorter than that would read every partition.
 */
public record NamePrefix(String folded) {

    public static final int KEY_LENGTH = 2;
    public static final String RULE = "is at least " + KEY_LENGTH + " letters of the name, first name first";

    public NamePrefix {
        if (folded == null || folded.length() < KEY_LENGTH || folded.length() > CustomerProfile.MAX_NAME) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** The prefix of what the agent typed. */
    public static NamePrefix of(String typed) {
        return new NamePrefix(fold(typed == null ? "" : typed));
    }

    /** The partition of the {@code byName} index this prefix (or a full folded name) reads. */
    public String key() {
        return folded.substring(0, KEY_LENGTH);
    }

    /** The folded form of a name: what {@code PROFILE} stores beside the name for the index. */
    public static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
