package org.entente.platform;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Application-wide page settings: Lumo theme (Vaadin 25 ships none by default), server push, and the icon browsers
 * show in tabs and bookmarks (favicon.ico for those that ask for it by name, the SVG for the others).
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
        settings.addFavIcon("icon", "favicon.ico", "16x16 32x32");
    }
}
