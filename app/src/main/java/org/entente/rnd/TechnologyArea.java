package org.entente.rnd;

/** Technology area of a joint R&D project. */
public enum TechnologyArea {
    CYBER("Cyber"), AI("Artificial intelligence"), UNMANNED_SYSTEMS("Unmanned systems"), SPACE("Space"),
    C4ISR("C4ISR"), ENERGY("Energy"), MEDICAL("Medical"), MATERIALS("Materials");

    private final String label;

    TechnologyArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
