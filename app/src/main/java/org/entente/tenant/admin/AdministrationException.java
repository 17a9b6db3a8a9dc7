package org.entente.tenant.admin;

import java.util.Locale;
import org.entente.platform.i18n.Text;

/**
 * An administration request that was refused or failed; the message is meant for the administrator, written in their
 * language where it is shown ({@link #in}); {@link #getMessage()} is English, for logs and tests.
 */
public class AdministrationException extends RuntimeException {

    private final Text text;

    public AdministrationException(Text text) {
        this(text, null);
    }

    public AdministrationException(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    /** For a subclass that writes its message itself (it overrides {@link #in}). */
    AdministrationException(String english) {
        super(english);
        this.text = null;
    }

    /** The message in the locale's language. */
    public String in(Locale locale) {
        return text.in(locale);
    }
}
