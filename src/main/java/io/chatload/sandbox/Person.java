package io.chatload.sandbox;

/** A generated person: the name in its own script plus the Latin spelling their e-mail address uses. */
record Person(Region region, NamePart given, NamePart family) {

    String fullName() {
        return switch (region.nameOrder()) {
            case GIVEN_FIRST -> given.text() + " " + family.text();
            case FAMILY_FIRST -> family.text() + " " + given.text();
            case FAMILY_FIRST_UNSPACED -> family.text() + given.text();
        };
    }
}
