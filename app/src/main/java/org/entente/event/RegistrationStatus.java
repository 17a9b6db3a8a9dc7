package org.entente.event;

/** A person's place at an event (V68): a seat, a place on the waiting list, or cancelled. */
public enum RegistrationStatus {
    REGISTERED, WAITING, CANCELLED
}
