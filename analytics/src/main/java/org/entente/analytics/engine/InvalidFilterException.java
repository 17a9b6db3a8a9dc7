package org.entente.analytics.engine;

/**
 * A filter the figures cannot be cut by; {@link #text()} says why to the user (in their language), {@link #field()}
 * names the filter field. The message is the English text.
 */
public class InvalidFilterException extends RuntimeException {

    private final String field;
    private final EngineText text;

    public InvalidFilterException(String field, EngineText text) {
        super(text.toString());
        this.field = field;
        this.text = text;
    }

    /** {@code yearFrom}, {@code yearTo}, {@code region}, {@code partnerKind} or {@code workstreamKind}. */
    public String field() {
        return field;
    }

    public EngineText text() {
        return text;
    }
}
