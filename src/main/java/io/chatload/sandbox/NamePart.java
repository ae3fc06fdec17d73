package io.chatload.sandbox;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A given or family name as written, and the Latin spelling people use for it in e-mail addresses.
 *
 * @param text  the name in its own script, e.g. "Дмитрий", "Müller", "佐藤"
 * @param latin lowercase ASCII, e.g. "dmitry", "mueller", "sato"
 */
record NamePart(String text, String latin) {

    /**
     * Parses "Müller=mueller,Chloé" style lists: an explicit Latin spelling after '=', otherwise the name itself
     * with its accents removed.
     */
    static List<NamePart> list(String csv) {
        return Arrays.stream(csv.split(","))
                .map(NamePart::parse)
                .toList();
    }

    private static NamePart parse(String entry) {
        int eq = entry.indexOf('=');
        if (eq >= 0) {
            return new NamePart(entry.substring(0, eq), entry.substring(eq + 1));
        }
        String ascii = Normalizer.normalize(entry, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        return new NamePart(entry, ascii.toLowerCase(Locale.ROOT));
    }
}
