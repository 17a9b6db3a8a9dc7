package org.entente.rnd;

/** Technology area of a joint R&D project; people read it as {@code enum.TechnologyArea.<CONSTANT>}. */
public enum TechnologyArea {
    CYBER, AI, UNMANNED_SYSTEMS, SPACE,
    C4ISR, ENERGY, MEDICAL, MATERIALS
}
