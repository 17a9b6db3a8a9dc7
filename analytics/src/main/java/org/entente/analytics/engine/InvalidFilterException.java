package org.entente.analytics.engine;

/** A filter the figures cannot be cut by; the message is for the user, {@link #field()} names the filter field. */
public class InvalidFilterException extends RuntimeException {

    private final String field;

    public InvalidFilterException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code yearFrom}, {@code yearTo}, {@code region}, {@code partnerKind} or {@code workstreamKind}. */
    public String field() {
        return field;
    }
}
