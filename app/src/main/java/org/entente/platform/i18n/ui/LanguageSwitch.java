package org.entente.platform.i18n.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.server.VaadinSession;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.LanguagePreference;

/**
 * The user menu's language switch. Each language is named in itself (English, Français), as people look for their
 * own. The choice is kept on the person's member row and for this session, then the page reloads, so that every
 * text, component and format on it is written again in the new language.
 */
public final class LanguageSwitch {

    private LanguageSwitch() {
    }

    public static void addTo(SubMenu menu, LanguagePreference preference) {
        Language current = Language.orDefault(UI.getCurrent().getLocale());
        MenuItem language = menu.addItem(UI.getCurrent().getTranslation("language.menu"));
        language.setId("language-menu");
        for (Language choice : Language.values()) {
            MenuItem item = language.getSubMenu().addItem(UI.getCurrent().getTranslation("language.name." + choice.code()),
                    click -> {
                        preference.choose(choice);
                        VaadinSession.getCurrent().setAttribute(Language.class, choice);
                        UI.getCurrent().getPage().reload();
                    });
            item.setId("language-" + choice.code());
            item.setCheckable(true);
            item.setChecked(choice == current);
            // Screen readers say the name in its own language.
            item.getElement().setAttribute("lang", choice.code());
        }
    }
}
