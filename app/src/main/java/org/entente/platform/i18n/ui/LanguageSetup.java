package org.entente.platform.i18n.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.entente.db.tenancy.TenantNotActiveException;
import org.entente.platform.database.DatabaseUnavailable;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.LanguageCookie;
import org.entente.platform.i18n.LanguagePreference;
import org.entente.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Decides each page's language, in this order: the person's choice (this session's, else the one kept on their
 * member row), the {@code locale} claim of their sign-in (Keycloak's own language choice), the browser's languages
 * (Vaadin matches them to the provided locales), English. The page's {@code <html lang>} follows, for screen readers,
 * and the browser remembers it for the next sign-in's pages at Keycloak ({@link LanguageCookie}).
 */
@Component
class LanguageSetup implements VaadinServiceInitListener {

    private final LanguagePreference preference;
    private final CurrentUser currentUser;

    LanguageSetup(LanguagePreference preference, CurrentUser currentUser) {
        this.preference = preference;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Language language = language(response.getVaadinRequest().getLocale());
            response.getDocument().getElementsByTag("html").attr("lang", language.code());
            // Every full page load tells the browser the page's language, for the next sign-in (LanguageCookie).
            if (response.getVaadinResponse() instanceof VaadinServletResponse servlet) {
                LanguageCookie.write(servlet.getHttpServletResponse(), language);
            }
        });
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Language language = language(ui.getLocale());
            // <html lang> was set with the page (above); a language change reloads the page, so it stays right.
            ui.setLocale(language.locale());
        });
    }

    /** The language of the current request's person, {@code browser} being what the browser asks for. */
    Language language(Locale browser) {
        VaadinSession session = VaadinSession.getCurrent();
        Language chosenThisSession = session == null ? null : session.getAttribute(Language.class);
        if (chosenThisSession != null) {
            return chosenThisSession;
        }
        if (currentUser.get().isEmpty()) {
            return Language.orDefault(browser);
        }
        return storedChoice()
                .or(() -> currentUser.get().flatMap(user -> Optional.ofNullable(user.getLocale())).flatMap(Language::ofCode))
                .orElseGet(() -> Language.orDefault(browser));
    }

    /**
     * The member row's choice; none while the database is down, so the outage page still comes in a language, and
     * none for a member of a suspended or offboarded organization, whose reads are all refused (issue 20): their
     * "organization unavailable" page comes in their token's or browser's language.
     */
    private Optional<Language> storedChoice() {
        try {
            return preference.chosen();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.explains(e) || organizationNotActive(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean organizationNotActive(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TenantNotActiveException) {
                return true;
            }
        }
        return false;
    }
}
